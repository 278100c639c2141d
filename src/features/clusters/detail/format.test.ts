import { describe, expect, it } from 'vitest';
import type { BackupWithExtras } from '../../../aws';
import { formatRetention, formatTimestamp, hsmAddresses, humanizeState, nextSort, sortBackups, statusDisplay, subnetRows } from './format';

describe('formatTimestamp', () => {
  it('formats as UTC to the second', () => {
    expect(formatTimestamp(new Date(Date.UTC(2026, 10, 27, 17, 43, 5, 404)))).toBe('2026-11-27 17:43:05 UTC');
  });
  it('shows a dash for missing or invalid dates', () => {
    expect(formatTimestamp(undefined)).toBe('—');
    expect(formatTimestamp(new Date(Number.NaN))).toBe('—');
  });
});

describe('formatRetention', () => {
  it('reads days', () => {
    expect(formatRetention({ Type: 'DAYS', Value: '90' })).toBe('90 days');
    expect(formatRetention({ Type: 'DAYS', Value: '1' })).toBe('1 day');
  });
  it('keeps unknown types and handles absence', () => {
    expect(formatRetention({ Type: 'WEEKS' as never, Value: '2' })).toBe('2 WEEKS');
    expect(formatRetention(undefined)).toBe('—');
  });
});

describe('subnetRows', () => {
  it('sorts by availability zone', () => {
    expect(subnetRows({ 'us-east-1b': 'subnet-b', 'us-east-1a': 'subnet-a' })).toEqual([
      { availabilityZone: 'us-east-1a', subnetId: 'subnet-a' },
      { availabilityZone: 'us-east-1b', subnetId: 'subnet-b' },
    ]);
    expect(subnetRows(undefined)).toEqual([]);
  });
});

describe('statusDisplay', () => {
  it('makes degraded and transitional states stand out with an icon and words', () => {
    expect(statusDisplay('DEGRADED')).toEqual({ icon: '⚠', label: 'Degraded', tone: 'attention', standsOut: true });
    expect(statusDisplay('CREATE_IN_PROGRESS')).toMatchObject({ label: 'Create in progress', tone: 'progress', standsOut: true });
    expect(statusDisplay('DELETE_IN_PROGRESS').standsOut).toBe(true);
  });
  it('keeps settled states calm', () => {
    expect(statusDisplay('ACTIVE')).toMatchObject({ icon: '✓', label: 'Active', standsOut: false });
    expect(statusDisplay('DELETED')).toMatchObject({ label: 'Deleted', standsOut: false });
    expect(statusDisplay(undefined)).toMatchObject({ label: 'Unknown', tone: 'unknown' });
    expect(humanizeState('UNINITIALIZED')).toBe('Uninitialized');
  });
});

describe('hsmAddresses', () => {
  it('lists IPv4 then IPv6 when present', () => {
    expect(hsmAddresses({ EniIp: '10.0.0.1' })).toEqual(['10.0.0.1']);
    expect(hsmAddresses({ EniIp: '10.0.0.1', EniIpV6: '2001:db8::1' })).toEqual(['10.0.0.1', '2001:db8::1']);
    expect(hsmAddresses({})).toEqual([]);
  });
});

describe('sortBackups', () => {
  const row = (id: string, state: string, t: number) => ({ region: 'us-east-1', backup: { BackupId: id, BackupState: state, CreateTimestamp: new Date(t) } as BackupWithExtras });
  const rows = [row('backup-b', 'READY', 2000), row('backup-a', 'READY', 3000), row('backup-c', 'CREATE_IN_PROGRESS', 1000)];
  const ids = (list: typeof rows) => list.map((r) => r.backup.BackupId);

  it('sorts by each column, both ways, without changing the input', () => {
    expect(ids(sortBackups(rows, 'id', 'ascending'))).toEqual(['backup-a', 'backup-b', 'backup-c']);
    expect(ids(sortBackups(rows, 'created', 'descending'))).toEqual(['backup-a', 'backup-b', 'backup-c']);
    expect(ids(sortBackups(rows, 'created', 'ascending'))).toEqual(['backup-c', 'backup-b', 'backup-a']);
    expect(ids(sortBackups(rows, 'state', 'ascending'))).toEqual(['backup-c', 'backup-a', 'backup-b']);
    expect(ids(rows)).toEqual(['backup-b', 'backup-a', 'backup-c']);
  });
  it('flips the same column and starts a new one in its natural direction', () => {
    expect(nextSort({ key: 'id', direction: 'ascending' }, 'id')).toEqual({ key: 'id', direction: 'descending' });
    expect(nextSort({ key: 'id', direction: 'ascending' }, 'created')).toEqual({ key: 'created', direction: 'descending' });
    expect(nextSort({ key: 'created', direction: 'descending' }, 'state')).toEqual({ key: 'state', direction: 'ascending' });
  });
});
