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
  it('says all backups once every history is complete', () => {
    const s = windowStatus([
      region({ region: 'us-east-1', complete: true, loadedSince: new Date(0) }),
      region({ region: 'eu-west-1', complete: true, loadedSince: new Date(0) }),
    ]);
    expect(s).toEqual({ text: 'Showing all backups', loading: [], hasOlder: false });
  });
  it('never speaks for a region that failed: names the regions it shows and the ones it could not load', () => {
    const failed = region({ region: 'us-west-2', status: 'error', pages: 0, loadedSince: null, coversWindow: false });
    expect(windowStatus([region({ region: 'us-east-1', complete: true, loadedSince: new Date(0) }), failed])).toEqual({
      text: 'Showing all backups of us-east-1; could not load us-west-2',
      loading: [],
      hasOlder: false,
    });
    expect(windowStatus([region({ region: 'us-east-1' }), region({ region: 'eu-west-1' }), failed]).text).toBe(
      'Showing backups of us-east-1, eu-west-1 since 2026-11-06; could not load us-west-2',
    );
    // No region answered: nothing to claim (each region's alert says what failed).
    expect(windowStatus([failed]).text).toBe('');
  });
  it('before any page has arrived, says nothing (the view shows its loading state)', () => {
    const s = windowStatus([
      region({ region: 'us-east-1', status: 'loading', pages: 0, loadedSince: null, coversWindow: false, fetching: true }),
    ]);
    expect(s.text).toBe('');
  });
});
