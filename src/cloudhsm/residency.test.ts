import { describe, expect, it } from 'vitest';
import { residencyAllows, residencyBlocks, residencyScope } from './residency';

describe('residencyAllows', () => {
  it('matches a prefix on region code boundaries', () => {
    expect(residencyAllows('eu', 'eu-west-1')).toBe('yes');
    expect(residencyAllows('eu', 'eu-central-2')).toBe('yes');
    expect(residencyAllows('eu', 'us-east-1')).toBe('no');
    expect(residencyAllows('eu-west', 'eu-west-3')).toBe('yes');
    expect(residencyAllows('eu-west', 'eu-central-1')).toBe('no');
  });

  it('does not match a code that only starts with the same letters', () => {
    expect(residencyAllows('us-gov', 'us-gov-west-1')).toBe('yes');
    expect(residencyAllows('us', 'us-gov-west-1')).toBe('yes');
    expect(residencyAllows('us-east-1', 'us-east-10')).toBe('no');
    expect(residencyAllows('eu-west-1', 'eu-west-1')).toBe('yes');
    expect(residencyAllows('eu-west-1', 'eu-west-2')).toBe('no');
  });

  it('treats a value that names no region as invalid', () => {
    expect(residencyAllows('', 'eu-west-1')).toBe('invalid');
    expect(residencyAllows('Europe', 'eu-west-1')).toBe('invalid');
    expect(residencyAllows('eus', 'eu-west-1')).toBe('invalid');
    expect(residencyAllows('e', 'eu-west-1')).toBe('invalid');
    expect(residencyAllows('eu-', 'eu-west-1')).toBe('invalid');
    expect(residencyAllows('xx-west-1', 'eu-west-1')).toBe('invalid');
  });

  it('reads the value leniently: spaces around it and capitals', () => {
    expect(residencyScope(' EU ')).toBe('eu');
    expect(residencyAllows('EU-West-1', 'eu-west-1')).toBe('yes');
  });
});

describe('residencyBlocks', () => {
  const backup = (value: string) => ({
    kind: 'backup' as const,
    id: 'backup-aaaaaaaaaaa',
    tags: [{ Key: 'data-residency', Value: value }],
  });
  const cluster = (value: string) => ({
    kind: 'cluster' as const,
    id: 'cluster-bbbbbbbbbbb',
    tags: [{ Key: 'data-residency', Value: value }],
  });

  it('says nothing when no subject carries the key, or the destination is inside', () => {
    expect(
      residencyBlocks([{ kind: 'backup', id: 'backup-x', tags: [{ Key: 'Name', Value: 'eu' }] }], 'us-east-1', 'data-residency'),
    ).toEqual([]);
    expect(residencyBlocks([backup('eu'), cluster('eu-west')], 'eu-west-2', 'data-residency')).toEqual([]);
  });

  it('names each tag that keeps the copy out, with the destination', () => {
    const blocks = residencyBlocks([backup('eu'), cluster('eu-west-1')], 'us-east-1', 'data-residency');
    expect(blocks.map((b) => [b.kind, b.tag, b.invalid])).toEqual([
      ['backup', 'data-residency=eu', false],
      ['cluster', 'data-residency=eu-west-1', false],
    ]);
    expect(blocks[0]?.reason).toContain('the eu-* regions');
    expect(blocks[0]?.reason).toContain('us-east-1 is outside');
    expect(blocks[1]?.reason).toContain('must stay in eu-west-1');
  });

  it('blocks on a value it cannot read, saying why', () => {
    const [block] = residencyBlocks([cluster('Europe')], 'eu-west-1', 'data-residency');
    expect(block?.invalid).toBe(true);
    expect(block?.reason).toContain('not a region code or prefix');
  });

  it('matches the key exactly (a custom key; tag keys are case-sensitive)', () => {
    const tags = [{ Key: 'Residency', Value: 'eu' }];
    expect(residencyBlocks([{ kind: 'backup', id: 'b', tags }], 'us-east-1', 'Residency')).toHaveLength(1);
    expect(residencyBlocks([{ kind: 'backup', id: 'b', tags }], 'us-east-1', 'residency')).toHaveLength(0);
  });
});
