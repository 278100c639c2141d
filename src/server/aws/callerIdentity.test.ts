/**
 * AWS mode, who you are: /api/session names the account, the caller's ARN and principal, and the profile,
 * from STS GetCallerIdentity. With --endpoint-url it is asked there (the emulator answers it), unless
 * --sts-endpoint-url says otherwise; once per set of credentials, not per request. No credential in any
 * answer or log line (awsProxyHarness checks every one when the file ends).
 */
import { DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type RunningEmulator } from '../../emulator/node/server';
import { jsonOf, rawRequest, startFakeUpstream, type FakeUpstream } from '../testing';
import { awsProxyHarness, browserClient, closedPort, CREDENTIALS, SESSION_TOKEN } from '../testing/awsProxy';

const { proxy, record } = awsProxyHarness();

const ASSUMED_ROLE_ARN = 'arn:aws:sts::111122223333:assumed-role/PaymentsAdmin/alice@example.com';

/** An STS stand-in that answers GetCallerIdentity for an assumed role, and counts the lookups. */
function answerAsAssumedRole(upstream: FakeUpstream): void {
  upstream.respond = (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': 'sts-request-id' });
    res.end(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
        `<Arn>${ASSUMED_ROLE_ARN}</Arn><UserId>AROAEXAMPLEROLEID0001:alice@example.com</UserId><Account>111122223333</Account>` +
        '</GetCallerIdentityResult><ResponseMetadata><RequestId>sts-request-id</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
    );
  };
}

const lookups = (upstream: FakeUpstream) => upstream.requests.filter((r) => r.body.includes('Action=GetCallerIdentity'));

describe('the caller identity with --endpoint-url pointing at the emulator', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulatorServer({
      port: 0,
      seed: 'empty',
      credentials: CREDENTIALS,
      account: '444455556666',
      principalName: 'ops-alice',
      tickMillis: 50,
    });
  });
  afterAll(() => emulator.close());

  it('/api/session names the account, the user (ARN and name) and the profile; CloudHSM calls still work', async () => {
    const t = await proxy({
      profile: 'staging',
      endpointUrl: emulator.url,
      credentials: async () => ({ ...CREDENTIALS, sessionToken: SESSION_TOKEN }),
    });
    const session = jsonOf(record(await rawRequest(`${t.url}/api/session`)));
    expect(session).toMatchObject({
      mode: 'aws',
      profile: 'staging',
      accountId: '444455556666',
      identity: { arn: 'arn:aws:iam::444455556666:user/ops-alice', kind: 'user', principal: 'ops-alice' },
    });
    const client = browserClient(t.url);
    try {
      expect((await client.send(new DescribeClustersCommand({}))).Clusters).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it('credentials the endpoint refuses: no identity, one redacted log line, and the session still answers', async () => {
    const t = await proxy({ endpointUrl: emulator.url, credentials: async () => ({ ...CREDENTIALS, secretAccessKey: 'wrong-secret' }) });
    const session = jsonOf(record(await rawRequest(`${t.url}/api/session`)));
    expect(session['mode']).toBe('aws');
    expect(session['identity']).toBeUndefined();
    expect(session['accountId']).toBeUndefined();
    expect(t.logs.join('\n')).toMatch(
      /could not look up the caller identity \(STS GetCallerIdentity at http:\/\/127\.0\.0\.1:\d+\/?\).*signature/i,
    );
  });

  it('--sts-endpoint-url sends the lookup there, and CloudHSM calls to --endpoint-url', async () => {
    const sts = await startFakeUpstream();
    answerAsAssumedRole(sts);
    try {
      const t = await proxy({ endpointUrl: emulator.url, stsEndpointUrl: sts.url, credentials: async () => CREDENTIALS });
      const session = jsonOf(record(await rawRequest(`${t.url}/api/session`)));
      expect(session).toMatchObject({
        accountId: '111122223333',
        identity: { arn: ASSUMED_ROLE_ARN, kind: 'role', principal: 'PaymentsAdmin', session: 'alice@example.com' },
      });
      expect(lookups(sts)).toHaveLength(1);
      expect(lookups(sts)[0]!.headers['authorization']).toMatch(/\/us-east-1\/sts\/aws4_request/);
    } finally {
      await sts.close();
    }
  });
});

describe('when the identity is looked up', () => {
  it('once per set of credentials: refreshed credentials are looked up again, kept ones only once', async () => {
    const sts = await startFakeUpstream();
    answerAsAssumedRole(sts);
    // Credentials within five minutes of their expiry are resolved again on every use: each use is a new set.
    // Credentials without an expiry are kept until AWS refuses them: one set.
    let expiring = true;
    const credentials = async () => (expiring ? { ...CREDENTIALS, expiration: new Date(Date.now() + 60_000) } : CREDENTIALS);
    try {
      const t = await proxy({ endpointUrl: `http://127.0.0.1:${await closedPort()}`, stsEndpointUrl: sts.url, credentials });
      await rawRequest(`${t.url}/api/session`);
      await rawRequest(`${t.url}/api/session`);
      expect(lookups(sts)).toHaveLength(2);
      expiring = false;
      for (let i = 0; i < 3; i++) expect(jsonOf(record(await rawRequest(`${t.url}/api/session`)))['accountId']).toBe('111122223333');
      await Promise.all([1, 2, 3].map(() => rawRequest(`${t.url}/api/session`)));
      expect(lookups(sts)).toHaveLength(3);
    } finally {
      await sts.close();
    }
  });

  it('a failed lookup is tried again on the next session request', async () => {
    const sts = await startFakeUpstream();
    sts.respond = (_req, res) => {
      res.writeHead(500, { 'Content-Type': 'text/xml' });
      res.end('<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>down</Message></Error></ErrorResponse>');
    };
    try {
      const t = await proxy({ endpointUrl: sts.url, credentials: async () => CREDENTIALS });
      expect(jsonOf(record(await rawRequest(`${t.url}/api/session`)))['identity']).toBeUndefined();
      answerAsAssumedRole(sts);
      expect(jsonOf(record(await rawRequest(`${t.url}/api/session`)))['identity']).toMatchObject({ principal: 'PaymentsAdmin' });
      expect(lookups(sts)).toHaveLength(2);
    } finally {
      await sts.close();
    }
  });
});
