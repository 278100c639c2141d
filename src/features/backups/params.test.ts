import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_PARAMS, hasFilters, parseBackupParams, toBackupParams } from './params';

describe('backup page params', () => {
  it('reads defaults from an empty query and writes none back', () => {
    const parsed = parseBackupParams(new URLSearchParams(''));
    expect(parsed).toEqual(DEFAULT_PAGE_PARAMS);
    expect(toBackupParams(parsed).toString()).toBe('');
    expect(hasFilters(parsed.filters)).toBe(false);
  });

  it('round-trips every parameter and keeps unrelated ones', () => {
    const query =
      'regions=us-east-1&region=us-east-1,eu-west-1&account=222233334444&cluster=cluster-abc&state=pending_deletion&never=yes&source=backup-x&order=asc&zoom=1y&end=2026-01-02T03:04:05.000Z&sel=us-east-1/backup-abc';
    const parsed = parseBackupParams(new URLSearchParams(query));
    expect(parsed.filters).toEqual({
      region: ['us-east-1', 'eu-west-1'],
      account: ['222233334444'],
      cluster: ['cluster-abc'],
      state: ['PENDING_DELETION'],
      neverExpires: 'yes',
      source: 'backup-x',
    });
    expect(parsed.order).toBe('asc');
    expect(parsed.zoom).toBe('1y');
    expect(parsed.end?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(parsed.selected).toBe('us-east-1/backup-abc');
    expect(hasFilters(parsed.filters)).toBe(true);
    const written = toBackupParams(parsed, new URLSearchParams('regions=us-east-1'));
    expect(written.get('regions')).toBe('us-east-1');
    expect(parseBackupParams(written)).toEqual(parsed);
  });

  it('ignores bad values', () => {
    const parsed = parseBackupParams(new URLSearchParams('never=maybe&order=up&zoom=2d&end=nonsense&sel=<script>'));
    expect(parsed).toEqual(DEFAULT_PAGE_PARAMS);
  });

  it('drops duplicates and blanks in lists', () => {
    expect(parseBackupParams(new URLSearchParams('state=READY,,READY, DELETED')).filters.state).toEqual(['READY', 'DELETED']);
  });
});
