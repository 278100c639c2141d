import { describe, expect, it } from 'vitest';
import { EmulatorError } from '../errors';
import { MAX_SESSIONS, Principals } from './principals';

const ROLE = { partition: 'aws', account: '210987654321', name: 'cloudhsm-admin' };

function setup(maxSessions?: number) {
  let now = Date.UTC(2026, 0, 1);
  const principals = new Principals({
    account: '123456789012',
    keys: [
      { accessKeyId: 'AKIDSECURITY', secretAccessKey: 's1' },
      { accessKeyId: 'AKIDWORKLOAD', secretAccessKey: 's2', account: '345678901234' },
    ],
    principalName: 'alice',
    nowMillis: () => now,
    ...(maxSessions && { maxSessions }),
  });
  return { principals, advance: (seconds: number) => (now += seconds * 1000) };
}

const refusal = (run: () => unknown): [string, string] => {
  try {
    run();
  } catch (error) {
    if (error instanceof EmulatorError) return [error.type, error.message];
    throw error;
  }
  throw new Error('accepted');
};

describe('Principals: keys of several accounts and issued sessions', () => {
  it('each key is the IAM user of its account (the default account when it names none); unknown keys are null', () => {
    const { principals } = setup();
    expect(principals.signaturesRequired).toBe(true);
    expect(principals.signingKey('AKIDSECURITY', undefined)).toMatchObject({
      secretAccessKey: 's1',
      identity: { Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/alice' },
    });
    expect(principals.signingKey('AKIDWORKLOAD', 'any-token')?.identity.Account).toBe('345678901234');
    expect(principals.signingKey('AKIDNOBODY', undefined)).toBeNull();
    expect(new Principals({ account: '123456789012', nowMillis: Date.now }).signaturesRequired).toBe(false);
  });

  it('a session is its role: only with its own token, and until it expires on the emulator clock', () => {
    const { principals, advance } = setup();
    const { credentials, identity } = principals.assumeRole(ROLE, 'dash', 900);
    expect(identity).toMatchObject({ Account: '210987654321', Arn: 'arn:aws:sts::210987654321:assumed-role/cloudhsm-admin/dash' });
    expect(identity.UserId).toMatch(/^AROA[A-Z2-7]{17}:dash$/);
    const key = principals.signingKey(credentials.AccessKeyId, credentials.SessionToken);
    expect(key).toEqual({ secretAccessKey: credentials.SecretAccessKey, identity, temporary: true });
    const invalid = ['UnrecognizedClientException', 'The security token included in the request is invalid.'];
    expect(refusal(() => principals.signingKey(credentials.AccessKeyId, 'another-token'))).toEqual(invalid);
    expect(refusal(() => principals.signingKey(credentials.AccessKeyId, undefined))).toEqual(invalid);
    advance(899);
    expect(principals.signingKey(credentials.AccessKeyId, credentials.SessionToken)).not.toBeNull();
    advance(1);
    expect(refusal(() => principals.signingKey(credentials.AccessKeyId, credentials.SessionToken))).toEqual([
      'ExpiredTokenException',
      'The security token included in the request is expired',
    ]);
  });

  it('an ASIA key it did not issue, with a token, is an invalid token (without a token it is just unknown)', () => {
    const { principals } = setup();
    expect(refusal(() => principals.signingKey('ASIAAAAAAAAAAAAAAAAA', 'token'))[0]).toBe('UnrecognizedClientException');
    expect(principals.signingKey('ASIAAAAAAAAAAAAAAAAA', undefined)).toBeNull();
  });

  it('the same role has one AROA id; at most maxSessions are kept, expired ones dropped first, then the oldest', () => {
    expect(MAX_SESSIONS).toBe(10_000);
    const { principals, advance } = setup(50);
    const first = principals.assumeRole(ROLE, 'one', 900);
    const second = principals.assumeRole(ROLE, 'two', 3600);
    expect(first.identity.UserId.split(':')[0]).toBe(second.identity.UserId.split(':')[0]);
    expect(first.credentials.AccessKeyId).not.toBe(second.credentials.AccessKeyId);
    advance(1000);
    const third = principals.assumeRole(ROLE, 'three', 900);
    for (let i = 0; i < 47; i++) principals.assumeRole(ROLE, 'many', 900);
    expect(principals.sessionCount).toBe(50);
    principals.assumeRole(ROLE, 'one-more', 900);
    principals.assumeRole(ROLE, 'and-another', 900);
    // The expired first one went, then the second (still valid) as the oldest; the third is kept.
    expect(principals.sessionCount).toBe(50);
    const forgotten = (c: typeof first) => refusal(() => principals.signingKey(c.credentials.AccessKeyId, c.credentials.SessionToken))[0];
    expect(forgotten(first)).toBe('UnrecognizedClientException');
    expect(forgotten(second)).toBe('UnrecognizedClientException');
    expect(principals.signingKey(third.credentials.AccessKeyId, third.credentials.SessionToken)).not.toBeNull();
  });
});
