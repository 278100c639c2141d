import { describe, expect, it } from 'vitest';
import { assumeRoleXml, expirationText, readAssumeRole } from './assumeRole';
import { Principals } from './principals';
import { StsError } from './xml';

const ROLE = 'arn:aws:iam::210987654321:role/ops/cloudhsm-admin';
const form = (fields: Record<string, string>): URLSearchParams => new URLSearchParams({ Action: 'AssumeRole', ...fields });

function refusal(fields: Record<string, string>): [string, string] {
  try {
    readAssumeRole(form(fields));
  } catch (error) {
    if (error instanceof StsError) return [error.code, error.message];
    throw error;
  }
  throw new Error('accepted');
}

describe('AssumeRole request checks (the words argmin recorded from AWS STS)', () => {
  it('reads the role (path dropped), session, default 3600 s and the external id', () => {
    expect(readAssumeRole(form({ RoleArn: ROLE, RoleSessionName: 'cloudhsm-dashboard', ExternalId: 'acme-7f3c' }))).toEqual({
      role: { partition: 'aws', account: '210987654321', name: 'cloudhsm-admin' },
      roleSessionName: 'cloudhsm-dashboard',
      durationSeconds: 3600,
      externalId: 'acme-7f3c',
    });
    expect(readAssumeRole(form({ RoleArn: ROLE, RoleSessionName: 'aa', DurationSeconds: '+900' })).durationSeconds).toBe(900);
    expect(readAssumeRole(form({ RoleArn: ROLE, RoleSessionName: 'b'.repeat(64), DurationSeconds: '43200' })).durationSeconds).toBe(43200);
  });

  it('missing, short, long and malformed members are ValidationError with every failed constraint', () => {
    expect(refusal({ RoleSessionName: 'ok' })).toEqual([
      'ValidationError',
      "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    ]);
    expect(refusal({ RoleArn: 'not-an-arn', RoleSessionName: 'ok' })[1]).toBe(
      "1 validation error detected: Value 'not-an-arn' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
    expect(refusal({ RoleArn: '', RoleSessionName: 'ok' })[1]).toMatch(
      /^2 validation errors detected: Value '' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: .*; Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20$/,
    );
    expect(refusal({ RoleArn: ROLE, RoleSessionName: 'a' })[1]).toBe(
      "1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
    expect(refusal({ RoleArn: ROLE, RoleSessionName: 'bad/name' })[1]).toBe(
      "1 validation error detected: Value 'bad/name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
    expect(refusal({ RoleArn: ROLE, RoleSessionName: 'a'.repeat(65) })[1]).toMatch(/Member must have length less than or equal to 64$/);
    expect(refusal({ RoleArn: ROLE })[1]).toBe(
      "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
    );
    expect(refusal({ RoleArn: 'x'.repeat(20), RoleSessionName: 'ok' })).toEqual(['ValidationError', `${'x'.repeat(20)} is invalid`]);
    expect(refusal({ RoleArn: 'arn:aws:iam::12345:role/short-account', RoleSessionName: 'ok' })[1]).toMatch(/ is invalid$/);
    expect(refusal({ RoleArn: 'arn:aws:iam::210987654321:user/alice', RoleSessionName: 'ok' })[1]).toMatch(/ is invalid$/);
  });

  it('DurationSeconds outside 900 to 43200 is ValidationError; not an integer is MalformedInput', () => {
    expect(refusal({ RoleArn: ROLE, RoleSessionName: 'ok', DurationSeconds: '899' })[1]).toBe(
      "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    expect(refusal({ RoleArn: ROLE, RoleSessionName: 'ok', DurationSeconds: '43201' })[1]).toBe(
      "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
    expect(refusal({ RoleArn: ROLE, RoleSessionName: 'ok', DurationSeconds: '' })).toEqual([
      'MalformedInput',
      'missing value for decimal type',
    ]);
    for (const text of ['abc', '900.0', '2147483648'])
      expect(refusal({ RoleArn: ROLE, RoleSessionName: 'ok', DurationSeconds: text })[0]).toBe('MalformedInput');
    // Two members wrong: both clauses, one error.
    expect(refusal({ RoleArn: ROLE, RoleSessionName: 'a', DurationSeconds: '1' })[1]).toMatch(
      /^2 validation errors detected: .*roleSessionName.*; .*durationSeconds/,
    );
  });

  it('the answer is the AssumeRoleResponse AWS sends: role user, credentials, whole-second Expiration, no PackedPolicySize', () => {
    const principals = new Principals({ account: '123456789012', nowMillis: () => Date.UTC(2026, 0, 1, 0, 0, 0, 500) });
    const assumed = principals.assumeRole({ partition: 'aws', account: '210987654321', name: 'cloudhsm-admin' }, 'dash', 900);
    const xml = assumeRoleXml(assumed, 'req-1');
    expect(xml).toMatch(
      /^<AssumeRoleResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\n {2}<AssumeRoleResult>\n {4}<AssumedRoleUser>/,
    );
    expect(xml).toMatch(/<AssumedRoleId>AROA[A-Z2-7]{17}:dash<\/AssumedRoleId>/);
    expect(xml).toContain('<Arn>arn:aws:sts::210987654321:assumed-role/cloudhsm-admin/dash</Arn>');
    expect(xml).toMatch(/<AccessKeyId>ASIA[A-Z0-9]{16}<\/AccessKeyId>/);
    expect(xml).toMatch(/<SecretAccessKey>[A-Za-z0-9+/]{40}<\/SecretAccessKey>/);
    expect(xml).toMatch(/<SessionToken>[A-Za-z0-9+/=]{100,}<\/SessionToken>/);
    expect(xml).toContain('<Expiration>2026-01-01T00:15:00Z</Expiration>');
    expect(xml).toContain('<RequestId>req-1</RequestId>');
    expect(xml).not.toContain('PackedPolicySize');
    expect(expirationText(Date.UTC(2026, 5, 1, 12, 30, 15))).toBe('2026-06-01T12:30:15Z');
  });
});
