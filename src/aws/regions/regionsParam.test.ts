import { describe, expect, it } from 'vitest';
import { chooseRegions, parseRegions, toggleRegion } from './regionsParam';

const AVAILABLE = ['eu-west-1', 'us-east-1', 'us-west-2'];

describe('region selection', () => {
  it('parses a URL value, dropping unknown and repeated regions', () => {
    expect(parseRegions('us-east-1, xx-fake-1,us-east-1,eu-west-1', AVAILABLE)).toEqual(['us-east-1', 'eu-west-1']);
    expect(parseRegions('', AVAILABLE)).toEqual([]);
    expect(parseRegions(null, AVAILABLE)).toEqual([]);
  });

  it('prefers the URL, then the remembered choice, then the server defaults', () => {
    expect(chooseRegions({ url: 'us-west-2', remembered: 'eu-west-1', defaults: ['us-east-1'], available: AVAILABLE })).toEqual([
      'us-west-2',
    ]);
    expect(chooseRegions({ url: 'nope-1', remembered: 'eu-west-1', defaults: ['us-east-1'], available: AVAILABLE })).toEqual(['eu-west-1']);
    expect(chooseRegions({ url: null, remembered: null, defaults: ['us-east-1', 'xx-1'], available: AVAILABLE })).toEqual(['us-east-1']);
  });

  it('toggles a region on and off in the server order, but never to an empty selection', () => {
    expect(toggleRegion(['us-west-2'], 'eu-west-1', AVAILABLE)).toEqual(['eu-west-1', 'us-west-2']);
    expect(toggleRegion(['eu-west-1', 'us-west-2'], 'eu-west-1', AVAILABLE)).toEqual(['us-west-2']);
    expect(toggleRegion(['us-west-2'], 'us-west-2', AVAILABLE)).toEqual(['us-west-2']);
  });
});
