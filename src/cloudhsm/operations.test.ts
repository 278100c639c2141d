import { describe, expect, it } from 'vitest';
import { OPERATION_INPUTS } from './constraints';
import { isOperationName, MUTATING_OPERATIONS, OPERATION_NAMES } from './operations';

describe('operations', () => {
  it('names exactly the operations of the constraint table', () => {
    expect([...OPERATION_NAMES].sort()).toEqual(Object.keys(OPERATION_INPUTS).sort());
  });

  it('knows the mutating ones: every operation but the reads', () => {
    const reads = OPERATION_NAMES.filter((name) => !MUTATING_OPERATIONS.has(name));
    expect(reads).toEqual(['DescribeBackups', 'DescribeClusters', 'GetResourcePolicy', 'ListTags']);
  });

  it('tells an operation name from anything else, exactly', () => {
    expect(isOperationName('DescribeClusters')).toBe(true);
    for (const name of ['describeClusters', 'DescribeClusters ', 'toString', '__proto__', ''])
      expect(isOperationName(name), name).toBe(false);
  });
});
