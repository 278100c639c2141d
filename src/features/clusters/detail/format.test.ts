import { describe, expect, it } from 'vitest';
import type { BackupWithExtras } from '../../../aws';
import { formatRetention, hsmAddresses, hsmNeedsAttention, nextSort, sortBackups, subnetRows } from './format';

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

describe('hsmNeedsAttention', () => {
  it('makes degraded and transitional HSMs stand out', () => {
    for (const state of ['DEGRADED', 'CREATE_IN_PROGRESS', 'DELETE_IN_PROGRESS', 'REPLACE_IN_PROGRESS'])
      expect(hsmNeedsAttention(state), state).toBe(true);
  });
  it('keeps settled and unknown states calm', () => {
    for (const state of ['ACTIVE', 'DELETED', 'SOMETHING_NEW', undefined]) expect(hsmNeedsAttention(state), String(state)).toBe(false);
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
  const row = (id: string, state: string, t: number) => ({
    region: 'us-east-1',
    backup: { BackupId: id, BackupState: state, CreateTimestamp: new Date(t) } as BackupWithExtras,
  });
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
