import { describe, expect, it } from 'vitest';
import { formatAgo } from './ago';
import { nextThemePreference, parseThemePreference, resolveTheme } from './theme';

describe('theme', () => {
  it('follows the system unless a preference is set, and cycles system → light → dark', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(parseThemePreference('bogus')).toBe('system');
    expect(nextThemePreference('system')).toBe('light');
    expect(nextThemePreference('light')).toBe('dark');
    expect(nextThemePreference('dark')).toBe('system');
  });
});

describe('formatAgo', () => {
  it('says how long ago data was updated', () => {
    expect(formatAgo(0, 1_000)).toBe('not loaded yet');
    expect(formatAgo(10_000, 12_000)).toBe('updated just now');
    expect(formatAgo(10_000, 52_000)).toBe('updated 42 s ago');
    expect(formatAgo(0 + 1, 1 + 5 * 60_000)).toBe('updated 5 min ago');
    expect(formatAgo(1, 1 + 2 * 3_600_000)).toBe('updated 2 h ago');
  });
});
