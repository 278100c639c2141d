/** The principal the header names, read from the caller's ARN; and the embedded emulator's identity in /api/session. */
import { describe, expect, it } from 'vitest';
import { identityOf, roleParts } from './identity';
import { jsonOf, rawRequest, startTestServer } from './testing';

describe('identityOf', () => {
  it.each([
    ['arn:aws:iam::123456789012:user/alice', { kind: 'user', principal: 'alice' }],
    ['arn:aws:iam::123456789012:user/engineering/ops/alice', { kind: 'user', principal: 'alice' }],
    [
      'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123abcd/alice@example.com',
      { kind: 'role', principal: 'AWSReservedSSO_Admin_0123abcd', session: 'alice@example.com' },
    ],
    ['arn:aws-us-gov:sts::123456789012:assumed-role/Deployer/i-0abc', { kind: 'role', principal: 'Deployer', session: 'i-0abc' }],
    ['arn:aws:iam::123456789012:root', { kind: 'root', principal: 'root' }],
    ['arn:aws:sts::123456789012:federated-user/bob', { kind: 'federated-user', principal: 'bob' }],
    ['something-else', { kind: 'other', principal: 'something-else' }],
  ])('%s', (arn, expected) => {
    expect(identityOf(arn)).toEqual({ arn, ...expected });
  });
});

describe('/api/session in emulator mode', () => {
  it("names the emulator's account and IAM user, as its STS GetCallerIdentity does", async () => {
    const t = await startTestServer({ account: '210987654321', principalName: 'ci-bot' });
    try {
      const session = jsonOf(await rawRequest(`${t.url}/api/session`));
      expect(session).toMatchObject({
        mode: 'emulator',
        accountId: '210987654321',
        identity: { arn: 'arn:aws:iam::210987654321:user/ci-bot', kind: 'user', principal: 'ci-bot' },
      });
    } finally {
      await t.server.close();
    }
  });
});

describe('roleParts', () => {
  it('reads the partition, account and name of a role ARN (a path before the name), and nothing else', () => {
    expect(roleParts('arn:aws:iam::444455556666:role/ops/CloudHsmReader')).toEqual({
      partition: 'aws',
      account: '444455556666',
      name: 'CloudHsmReader',
    });
    expect(roleParts('arn:aws-us-gov:iam::444455556666:role/Reader')?.partition).toBe('aws-us-gov');
    expect(roleParts('arn:aws:iam::444455556666:user/Reader')).toBeNull();
    expect(roleParts('arn:aws:iam::4444:role/Reader')).toBeNull();
    expect(roleParts(`arn:aws:iam::444455556666:role/${'r'.repeat(65)}`)).toBeNull();
  });
});
