import { describe, expect, it } from 'vitest';
import { copyDestinations, defaultDestination } from './copyDestinations';

const available = ['af-south-1', 'eu-west-1', 'us-east-1', 'us-east-2', 'us-west-2', 'us-gov-east-1', 'us-gov-west-1'];

describe('copyDestinations', () => {
  it('lists the chosen regions first, then every other available region, never the source', () => {
    expect(copyDestinations({ source: 'us-east-1', chosen: ['us-west-2', 'us-east-1', 'eu-west-1'], available })).toEqual([
      'us-west-2',
      'eu-west-1',
      'af-south-1',
      'us-east-2',
    ]);
  });

  it('keeps copies inside the partition: GovCloud only to GovCloud', () => {
    expect(copyDestinations({ source: 'us-gov-west-1', chosen: ['us-east-1'], available })).toEqual(['us-gov-east-1']);
    expect(copyDestinations({ source: 'us-east-1', chosen: ['us-gov-west-1'], available })).not.toContain('us-gov-west-1');
  });

  it('ignores chosen regions the server does not know, and duplicates', () => {
    expect(
      copyDestinations({ source: 'us-east-1', chosen: ['xx-nowhere-1', 'eu-west-1', 'eu-west-1'], available: ['us-east-1', 'eu-west-1'] }),
    ).toEqual(['eu-west-1']);
  });

  it('is empty when the source is the only region', () => {
    expect(copyDestinations({ source: 'us-east-1', chosen: ['us-east-1'], available: ['us-east-1'] })).toEqual([]);
  });
});

describe('defaultDestination', () => {
  const context = { source: 'us-east-1', chosen: ['us-east-1', 'us-west-2', 'eu-west-1'], available };

  it('is the last-used destination when it is still a valid one', () => {
    expect(defaultDestination({ ...context, lastUsed: 'eu-west-1' })).toBe('eu-west-1');
    expect(defaultDestination({ ...context, lastUsed: 'af-south-1' })).toBe('af-south-1');
  });

  it('without one: the first chosen region that is not the source', () => {
    expect(defaultDestination({ ...context, lastUsed: null })).toBe('us-west-2');
  });

  it('falls back when the last-used one is the source, unknown, or in another partition', () => {
    for (const lastUsed of ['us-east-1', 'mars-north-1', 'us-gov-east-1', ''])
      expect(defaultDestination({ ...context, lastUsed })).toBe('us-west-2');
  });

  it('without a last-used one and no other shown region: none (the person picks), though there are destinations', () => {
    const onlySource = { source: 'us-east-1', chosen: ['us-east-1'], available };
    expect(copyDestinations(onlySource)).toContain('af-south-1');
    expect(defaultDestination({ ...onlySource, lastUsed: null })).toBeNull();
    // Shown regions the server does not know, or of another partition, are no destination either.
    expect(defaultDestination({ ...onlySource, chosen: ['us-east-1', 'mars-north-1', 'us-gov-west-1'], lastUsed: null })).toBeNull();
  });

  it('once a destination has been used, one click goes there even when no other region is shown', () => {
    expect(defaultDestination({ source: 'us-east-1', chosen: ['us-east-1'], available, lastUsed: 'af-south-1' })).toBe('af-south-1');
  });

  it('is null when there is nowhere to copy to', () => {
    expect(defaultDestination({ source: 'us-east-1', chosen: [], available: ['us-east-1'], lastUsed: 'us-west-2' })).toBeNull();
  });
});
