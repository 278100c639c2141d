import { describe, expect, it } from 'vitest';
import { callerIdentity, isPrincipalName, userIdFor } from './identity';

describe('the emulated caller', () => {
  it('is an IAM user of the account, with an AIDA id that is stable per account and name', () => {
    const alice = callerIdentity('123456789012', 'alice');
    expect(alice).toEqual({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/alice',
      UserId: userIdFor('123456789012', 'alice'),
    });
    expect(alice.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(userIdFor('123456789012', 'bob')).not.toBe(alice.UserId);
    expect(userIdFor('210987654321', 'alice')).not.toBe(alice.UserId);
    expect(callerIdentity('123456789012').Arn).toBe('arn:aws:iam::123456789012:user/dashboard-demo');
  });

  it('takes IAM user names only', () => {
    expect(['a', 'ci+bot=1,x.y@z_w-v', 'x'.repeat(64)].every(isPrincipalName)).toBe(true);
    expect(['', 'x'.repeat(65), 'has space', 'a/b', 'é'].some(isPrincipalName)).toBe(false);
  });
});
