import { describe, expect, it } from 'vitest';
import { nameTagOf, resourceName } from './names';

describe('resourceName', () => {
  it('is the Name tag’s value, exactly that key', () => {
    expect(
      resourceName({
        TagList: [
          { Key: 'Env', Value: 'prod' },
          { Key: 'Name', Value: 'payments-prod' },
        ],
      }),
    ).toBe('payments-prod');
    expect(resourceName({ TagList: [{ Key: 'name', Value: 'lower' }] })).toBeUndefined();
  });

  it('is undefined without tags, without a Name tag, or with an empty one', () => {
    expect(resourceName({})).toBeUndefined();
    expect(nameTagOf([])).toBeUndefined();
    expect(nameTagOf([{ Key: 'Name', Value: '' }])).toBeUndefined();
  });
});
