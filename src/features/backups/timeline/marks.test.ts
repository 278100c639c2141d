import { describe, expect, it } from 'vitest';
import { worstStateOf } from './marks';

describe('worstStateOf', () => {
  it('takes the state whose tone is most severe', () => {
    expect(worstStateOf({ READY: 9, PENDING_DELETION: 1 })).toBe('PENDING_DELETION');
    expect(worstStateOf({ READY: 3, CREATE_IN_PROGRESS: 1 })).toBe('CREATE_IN_PROGRESS');
    expect(worstStateOf({ READY: 3, DELETED: 1 })).toBe('DELETED');
    expect(worstStateOf({ CREATE_IN_PROGRESS: 1, PENDING_DELETION: 2, DELETED: 4 })).toBe('PENDING_DELETION');
    expect(worstStateOf({ READY: 5 })).toBe('READY');
  });

  it('ignores zero counts and does not depend on the order of the keys', () => {
    expect(worstStateOf({ PENDING_DELETION: 0, READY: 2 })).toBe('READY');
    // An unknown state reads as neutral, like DELETED: ties go to the name that sorts first.
    expect(worstStateOf({ SOMETHING_NEW: 1, DELETED: 1 })).toBe(worstStateOf({ DELETED: 1, SOMETHING_NEW: 1 }));
  });

  it('is UNKNOWN for no member', () => {
    expect(worstStateOf({})).toBe('UNKNOWN');
  });
});
