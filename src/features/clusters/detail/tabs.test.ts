import { describe, expect, it } from 'vitest';
import { DETAIL_TABS, parseTab, tabForKey, withTab } from './tabs';

describe('parseTab', () => {
  it('reads every known tab, case- and space-insensitively', () => {
    for (const tab of DETAIL_TABS) expect(parseTab(tab)).toBe(tab);
    expect(parseTab(' HSMs ')).toBe('hsms');
  });
  it('falls back to the overview for missing or unknown values', () => {
    expect(parseTab(null)).toBe('overview');
    expect(parseTab(undefined)).toBe('overview');
    expect(parseTab('')).toBe('overview');
    expect(parseTab('secrets')).toBe('overview');
    expect(parseTab('constructor')).toBe('overview');
  });
});

describe('tabForKey', () => {
  it('moves with the arrows and wraps around', () => {
    expect(tabForKey('overview', 'ArrowRight')).toBe('hsms');
    expect(tabForKey('backups', 'ArrowRight')).toBe('overview');
    expect(tabForKey('overview', 'ArrowLeft')).toBe('backups');
    expect(tabForKey('tags', 'ArrowUp')).toBe('certificates');
    expect(tabForKey('tags', 'ArrowDown')).toBe('backups');
  });
  it('jumps with Home and End, and ignores other keys', () => {
    expect(tabForKey('tags', 'Home')).toBe('overview');
    expect(tabForKey('hsms', 'End')).toBe('backups');
    expect(tabForKey('hsms', 'Enter')).toBeNull();
    expect(tabForKey('hsms', 'a')).toBeNull();
  });
});

describe('withTab', () => {
  it('sets the tab and keeps other parameters', () => {
    const next = withTab(new URLSearchParams('regions=us-east-1'), 'hsms');
    expect(next.toString()).toBe('regions=us-east-1&tab=hsms');
  });
  it('drops the parameter for the default tab', () => {
    expect(withTab(new URLSearchParams('tab=hsms&x=1'), 'overview').toString()).toBe('x=1');
  });
});
