import { describe, expect, it } from 'vitest';
import type { RegionWindowProgress } from '../../aws';
import { windowStatus } from './windowStatus';

const region = (over: Partial<RegionWindowProgress> & Pick<RegionWindowProgress, 'region'>): RegionWindowProgress => ({
  status: 'ready',
  pages: 1,
  complete: false,
  loadedSince: new Date('2026-11-06T10:00:00Z'),
  coversWindow: true,
  fetching: false,
  ...over,
});

describe('windowStatus', () => {
  it('says since when every region is loaded, by the region that reaches back least far', () => {
    const s = windowStatus([
      region({ region: 'us-east-1' }),
      region({ region: 'eu-west-1', loadedSince: new Date('2026-11-01T00:00:00Z') }),
    ]);
    expect(s).toEqual({ text: 'Showing backups since 2026-11-06', loading: [], hasOlder: true });
  });
  it('counts the regions still loading, and never waits for them to say what is shown', () => {
    const s = windowStatus([
      region({ region: 'us-east-1' }),
      region({ region: 'us-west-2', status: 'loading', pages: 0, loadedSince: null, coversWindow: false, fetching: true }),
      region({ region: 'eu-west-1', coversWindow: false, fetching: true }),
    ]);
    expect(s.text).toBe('Showing backups since 2026-11-06; 2 regions still loading');
    expect(s.loading).toEqual(['us-west-2', 'eu-west-1']);
  });
  it('says all backups once every history is complete, and leaves failed regions to their alert', () => {
    const s = windowStatus([
      region({ region: 'us-east-1', complete: true, loadedSince: new Date(0) }),
      region({ region: 'us-west-2', status: 'error', loadedSince: null }),
    ]);
    expect(s).toEqual({ text: 'Showing all backups', loading: [], hasOlder: false });
  });
  it('before any page has arrived, says nothing (the view shows its loading state)', () => {
    const s = windowStatus([
      region({ region: 'us-east-1', status: 'loading', pages: 0, loadedSince: null, coversWindow: false, fetching: true }),
    ]);
    expect(s.text).toBe('');
  });
});
