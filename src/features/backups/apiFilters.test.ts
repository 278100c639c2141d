import { describe, expect, it } from 'vitest';
import { backupQueryPlan } from './apiFilters';
import { EMPTY_BACKUP_FILTERS } from './params';

const shown = ['us-east-1', 'us-west-2', 'eu-west-1'];

describe('backupQueryPlan', () => {
  it('asks every shown region with no filter when the page has none', () => {
    expect(backupQueryPlan(shown, EMPTY_BACKUP_FILTERS)).toEqual({ regions: shown, filters: {} });
  });
  it('asks only the filtered regions that are shown, and passes cluster, state and never-expires to the API', () => {
    const plan = backupQueryPlan(shown, {
      ...EMPTY_BACKUP_FILTERS,
      region: ['us-west-2', 'ap-south-1'],
      cluster: ['cluster-abcdefghijk'],
      state: ['READY', 'PENDING_DELETION'],
      neverExpires: 'no',
    });
    expect(plan).toEqual({
      regions: ['us-west-2'],
      filters: { clusterIds: ['cluster-abcdefghijk'], states: ['READY', 'PENDING_DELETION'], neverExpires: ['false'] },
    });
  });
  it('keeps the source filter on the page (the API cannot say "this backup and its copies")', () => {
    expect(backupQueryPlan(shown, { ...EMPTY_BACKUP_FILTERS, source: 'backup-abcdefghijk' }).filters).toEqual({});
  });
});
