import { describe, expect, it } from 'vitest';
import type { RegionScanProgress } from '../../../aws';
import { isScanDone, listWords, scanProgressText } from './scanProgress';

const region = (name: string, state: 'loading' | 'more' | 'done' | 'error'): RegionScanProgress => ({
  region: name,
  status: state === 'error' ? 'error' : state === 'loading' ? 'loading' : 'ready',
  scanned: state === 'loading' ? 0 : 100,
  complete: state === 'done',
  stopped: false,
});

describe('scanProgressText', () => {
  it('counts the backups read and the regions finished while the scan runs', () => {
    const regions = [
      region('us-east-1', 'done'),
      region('us-west-2', 'more'),
      region('eu-west-1', 'done'),
      region('ap-south-1', 'loading'),
    ];
    expect(isScanDone(regions)).toBe(false);
    expect(scanProgressText({ scanned: 1200, regions })).toBe('Scanned 1,200 READY backups, newest first; 2 of 4 regions complete…');
  });

  it('names the regions read once done, and those that could not be read', () => {
    const regions = [region('us-east-1', 'done'), region('us-west-2', 'error'), region('eu-west-1', 'done')];
    expect(isScanDone(regions)).toBe(true);
    expect(scanProgressText({ scanned: 1, regions })).toBe(
      'Scanned all 1 READY backup in us-east-1 and eu-west-1. us-west-2 could not be read.',
    );
    expect(scanProgressText({ scanned: 0, regions: [region('us-west-2', 'error')] })).toBe(
      'No region could be scanned. us-west-2 could not be read.',
    );
  });

  it('is not "all" until what is drawn from the scan has caught up, even when every region is read', () => {
    expect(scanProgressText({ scanned: 5, regions: [region('us-east-1', 'done')], done: false })).toBe(
      'Scanned 5 READY backups, newest first; 1 of 1 region complete…',
    );
  });

  it('lists words the English way', () => {
    expect(listWords([])).toBe('');
    expect(listWords(['a'])).toBe('a');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('scanProgressText when the scan stopped at its limit', () => {
  it('names the regions whose older backups are not checked yet, and those read to the end', () => {
    const regions: RegionScanProgress[] = [
      { region: 'us-east-1', status: 'ready', scanned: 500, complete: false, stopped: true },
      { region: 'eu-west-1', status: 'ready', scanned: 120, complete: true, stopped: false },
    ];
    expect(isScanDone(regions)).toBe(false);
    expect(scanProgressText({ scanned: 620, regions, stopped: true })).toBe(
      'Scanned the newest 620 READY backups; all of eu-west-1. Older backups in us-east-1 are not checked yet.',
    );
  });
});
