import { describe, expect, it } from 'vitest';
import { countText, emptyText, regionsRead } from './regionsRead';

const ready = (region: string) => ({ region, status: 'ready' as const, pages: 1 });
const failed = (region: string) => ({ region, status: 'error' as const, pages: 0 });
const loading = (region: string) => ({ region, status: 'loading' as const, pages: 0 });

describe('regionsRead', () => {
  it('sorts regions into answered, failed (nothing read), partly read (a later page failed) and loading', () => {
    expect(
      regionsRead([ready('us-east-1'), failed('us-west-2'), { region: 'eu-west-1', status: 'error', pages: 2 }, loading('ap-south-1')]),
    ).toEqual({
      answered: ['us-east-1', 'eu-west-1'],
      failed: ['us-west-2'],
      partial: ['eu-west-1'],
      loading: ['ap-south-1'],
    });
  });
});

describe('countText', () => {
  it('counts for the regions that answered and names the ones it could not read', () => {
    expect(countText(regionsRead([ready('us-east-1'), ready('eu-west-1')]), 3, 40)).toBe('3 of 40 loaded backups in us-east-1, eu-west-1');
    expect(countText(regionsRead([ready('us-west-2'), failed('us-east-1')]), 12, 40)).toBe(
      '12 of 40 loaded backups in us-west-2; could not load us-east-1',
    );
    expect(
      countText(regionsRead([ready('us-west-2'), { region: 'eu-west-1', status: 'error', pages: 1 }, loading('us-east-1')]), 5, 9),
    ).toBe(
      '5 of 9 loaded backups in us-west-2, eu-west-1; could not load every page of eu-west-1 (what it answered is shown); still loading us-east-1',
    );
  });

  it('never "0 of 0" for regions not read: loading, or that nothing could be loaded', () => {
    expect(countText(regionsRead([failed('us-east-1'), failed('eu-west-1')]), 0, 0)).toBe('Could not load us-east-1, eu-west-1');
    // Nothing loaded where it was read: said in words, for those regions only.
    expect(countText(regionsRead([ready('us-west-2'), failed('us-east-1')]), 0, 0)).toBe(
      'No backups in us-west-2; could not load us-east-1',
    );
    expect(countText(regionsRead([failed('us-east-1'), loading('eu-west-1')]), 0, 0)).toBe('Loading…');
    expect(countText(regionsRead([loading('us-east-1')]), 0, 0)).toBe('Loading…');
  });
});

describe('emptyText', () => {
  it('"no backups" only for the regions that answered, with what could not be read', () => {
    expect(emptyText(regionsRead([ready('us-east-1')]))).toEqual({
      variant: 'empty',
      title: 'There are no backups in us-east-1.',
      description: 'AWS takes a backup of each active cluster at least once a day.',
    });
    expect(emptyText(regionsRead([ready('us-west-2'), failed('us-east-1')]))).toMatchObject({
      variant: 'empty',
      title: 'There are no backups in us-west-2.',
      description: expect.stringMatching(/^Could not load us-east-1: the error above says why\./),
    });
  });

  it('when no region answered: an error, not "no backups"', () => {
    expect(emptyText(regionsRead([failed('us-east-1')]))).toMatchObject({
      variant: 'error',
      title: 'Could not load the backups of us-east-1.',
    });
  });
});
