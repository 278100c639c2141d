/**
 * AWS mode, many accounts: --assume-role and --profiles against a fake endpoint that answers STS (AssumeRole,
 * GetCallerIdentity) and CloudHSM. Each account's calls are signed with its own credentials; /api/session
 * lists the accounts, a failing role with what to check; the base keeps working. No credential in any answer
 * or log line (the harness checks the base ones, this file the temporary ones).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../cloudhsm/api';
import { accountCall, awsCall, JSON11, jsonOf, rawRequest, startFakeUpstream, type FakeUpstream } from '../testing';
import { awsProxyHarness, CREDENTIALS } from '../testing/awsProxy';

const { proxy, record, seen } = awsProxyHarness();

const BASE_ACCOUNT = '111122223333';
const BASE_ARN = `arn:aws:iam::${BASE_ACCOUNT}:user/ops`;
const ROLE = 'arn:aws:iam::444455556666:role/team/CloudHsmReadOnly';
const DENIED_ROLE = 'arn:aws:iam::777788889999:role/NotTrusted';
const TEMP = {
  accessKeyId: 'ASIATEMPORARYKEY0001',
  secretAccessKey: 'temporary+secret/0123456789abcdefghijklmnopq',
  sessionToken: 'temporary-session-token/0123456789+abcdefghijklmnopqrstuvwxyz==',
};
const PROFILE_KEYS = { accessKeyId: 'AKIAPROFILEKEY000001', secretAccessKey: 'profile+secret/0123456789abcdefghijklmnopqrs' };
const PROFILE_ACCOUNT = '222233334444';

const xml = (res: ServerResponse, status: number, body: string): void => {
  res.writeHead(status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': 'sts-request-id' });
  res.end(body);
};

/** The key id that signed a request. */
const signer = (req: IncomingMessage): string => /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';

/** STS and CloudHSM in one: AssumeRole into ROLE (DENIED_ROLE is refused), GetCallerIdentity by key, DescribeClusters naming the signer. */
function answerAsAws(upstream: FakeUpstream): void {
  upstream.respond = (req, res, body) => {
    const form = new URLSearchParams(body);
    if (form.get('Action') === 'AssumeRole') {
      if (form.get('RoleArn') !== ROLE) {
        xml(
          res,
          403,
          `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: ${BASE_ARN} is not authorized to perform: sts:AssumeRole on resource: ${form.get('RoleArn')}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
        );
        return;
      }
      const expiration = new Date(Date.now() + 3600_000).toISOString();
      xml(
        res,
        200,
        `<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>${TEMP.accessKeyId}</AccessKeyId><SecretAccessKey>${TEMP.secretAccessKey}</SecretAccessKey><SessionToken>${TEMP.sessionToken}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
          `<AssumedRoleUser><Arn>arn:aws:sts::444455556666:assumed-role/CloudHsmReadOnly/cloudhsm-dashboard</Arn><AssumedRoleId>AROAEXAMPLE000000001:cloudhsm-dashboard</AssumedRoleId></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>`,
      );
      return;
    }
    if (form.get('Action') === 'GetCallerIdentity') {
      const [account, arn] =
        signer(req) === PROFILE_KEYS.accessKeyId ? [PROFILE_ACCOUNT, `arn:aws:iam::${PROFILE_ACCOUNT}:user/p`] : [BASE_ACCOUNT, BASE_ARN];
      xml(
        res,
        200,
        `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>${arn}</Arn><UserId>AIDAEXAMPLE</UserId><Account>${account}</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`,
      );
      return;
    }
    res.writeHead(200, { 'Content-Type': JSON11 });
    res.end(JSON.stringify({ Clusters: [{ ClusterId: `cluster-${signer(req).slice(0, 4).toLowerCase()}aaaaaaaaa` }] }));
  };
}

describe('--assume-role and --profiles', () => {
  let upstream: FakeUpstream;
  let url: string;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
    answerAsAws(upstream);
  });
  afterAll(async () => {
    const text = seen.join('\n');
    for (const secret of [TEMP.secretAccessKey, TEMP.sessionToken, TEMP.accessKeyId, PROFILE_KEYS.secretAccessKey])
      expect(text).not.toContain(secret);
    await upstream.close();
  });

  const start = async (options: Parameters<typeof proxy>[0] = {}) => {
    const t = await proxy({
      endpointUrl: upstream.url,
      credentials: async () => CREDENTIALS,
      assumeRoles: [ROLE, DENIED_ROLE],
      profiles: ['workloads'],
      profileCredentials: () => async () => PROFILE_KEYS,
      ...options,
    });
    url = t.url;
    return t;
  };

  it('/api/session lists the base, the role and the profile accounts; the denied role with what to check', async () => {
    await start();
    const accounts = jsonOf(record(await rawRequest(`${url}/api/session`)))['accounts'] as AccountInfo[];
    expect(accounts.map(({ id, label, source }) => ({ id, label, source }))).toEqual([
      { id: BASE_ACCOUNT, label: 'base', source: 'base' },
      { id: '444455556666', label: 'CloudHsmReadOnly', source: 'role' },
      { id: '777788889999', label: 'NotTrusted', source: 'role' },
      { id: PROFILE_ACCOUNT, label: 'workloads', source: 'profile' },
    ]);
    expect(accounts[0]).toMatchObject({ arn: BASE_ARN });
    expect(accounts[1]).toMatchObject({ roleArn: ROLE, arn: 'arn:aws:sts::444455556666:assumed-role/CloudHsmReadOnly/cloudhsm-dashboard' });
    expect(accounts[1]!.error).toBeUndefined();
    expect(accounts[2]!.error).toMatch(
      new RegExp(
        `^Assuming ${DENIED_ROLE} failed: AccessDenied: .*Check that the role's trust policy allows ${BASE_ARN} to sts:AssumeRole`,
      ),
    );
    expect(accounts[3]).toMatchObject({ profile: 'workloads', arn: `arn:aws:iam::${PROFILE_ACCOUNT}:user/p` });
  });

  it("signs each account's calls with its own credentials; a failing account answers 403 with the reason and the base still works", async () => {
    await start({ externalId: 'org-external-1' });
    upstream.requests.length = 0;
    const inRole = record(await accountCall(url, '444455556666', 'eu-west-1', 'DescribeClusters'));
    expect(inRole.status).toBe(200);
    const sent = upstream.requests.find((r) => r.headers['x-amz-target'] === 'BaldrApiService.DescribeClusters')!;
    expect(sent.headers.authorization).toMatch(new RegExp(`Credential=${TEMP.accessKeyId}/\\d{8}/eu-west-1/cloudhsm/`));
    expect(sent.headers['x-amz-security-token']).toBe(TEMP.sessionToken);
    const assumed = new URLSearchParams(upstream.requests.find((r) => r.body.includes('Action=AssumeRole'))!.body);
    expect(Object.fromEntries(['RoleArn', 'RoleSessionName', 'ExternalId'].map((k) => [k, assumed.get(k)]))).toEqual({
      RoleArn: ROLE,
      RoleSessionName: 'cloudhsm-dashboard',
      ExternalId: 'org-external-1',
    });

    const inProfile = record(await accountCall(url, PROFILE_ACCOUNT, 'eu-west-1', 'DescribeClusters'));
    expect(jsonOf(inProfile)['Clusters']).toEqual([{ ClusterId: 'cluster-akiaaaaaaaaaa' }]);
    expect(upstream.requests.at(-1)!.headers.authorization).toContain(`Credential=${PROFILE_KEYS.accessKeyId}/`);

    const denied = record(await accountCall(url, '777788889999', 'eu-west-1', 'DescribeClusters'));
    expect(denied.status).toBe(403);
    expect(jsonOf(denied)).toMatchObject({
      __type: 'AccessDeniedException',
      message: expect.stringMatching(/^Assuming .*NotTrusted failed: AccessDenied/),
    });

    for (const call of [
      () => accountCall(url, BASE_ACCOUNT, 'eu-west-1', 'DescribeClusters'),
      () => awsCall(url, 'eu-west-1', 'DescribeClusters'),
    ]) {
      expect(record(await call()).status).toBe(200);
      expect(upstream.requests.at(-1)!.headers.authorization).toContain(`Credential=${CREDENTIALS.accessKeyId}/`);
    }
    // One AssumeRole for the working role however many calls: its credentials are kept until near expiry.
    await accountCall(url, '444455556666', 'us-east-1', 'DescribeClusters');
    expect(upstream.requests.filter((r) => r.body.includes('Action=AssumeRole') && r.body.includes('CloudHsmReadOnly'))).toHaveLength(1);
  });

  it('refuses an account the server was not started with (403, naming the known ones) and what is not an account (400), before forwarding', async () => {
    await start();
    upstream.requests.length = 0;
    const unknown = record(await accountCall(url, '999999999999', 'us-east-1', 'DescribeClusters'));
    expect(unknown.status).toBe(403);
    expect(jsonOf(unknown)).toMatchObject({
      __type: 'AccessDeniedException',
      message: expect.stringContaining(
        `Account 999999999999 is not one this dashboard was started with (it knows ${BASE_ACCOUNT}, 444455556666, 777788889999, ${PROFILE_ACCOUNT})`,
      ),
    });
    for (const account of ['12345678901', '1234567890123', 'abcdefghijkl', '%31%32']) {
      const bad = record(await accountCall(url, account, 'us-east-1', 'DescribeClusters'));
      expect(bad.status, account).toBe(400);
      expect(jsonOf(bad)['message'], account).toMatch(/is not an AWS account id \(12 digits\)/);
    }
    expect(upstream.requests.filter((r) => r.headers['x-amz-target'])).toHaveLength(0);
    expect(record(await rawRequest(`${url}/api/network?region=us-east-1&account=999999999999`)).status).toBe(403);
    expect(jsonOf(record(await rawRequest(`${url}/api/quotas?region=us-east-1&account=999999999999`)))['__type']).toBe(
      'AccessDeniedException',
    );
    expect(jsonOf(record(await rawRequest(`${url}/api/network?region=us-east-1&account=444455556666`)))).toMatchObject({
      available: false,
    });
  });

  it('a profile without credentials is listed with advice, and the others still answer', async () => {
    await start({
      assumeRoles: [ROLE],
      profileCredentials: () => async () => {
        throw new Error('Could not resolve credentials using profile: [broken] in configuration/credentials file(s).');
      },
      profiles: ['broken'],
    });
    const accounts = jsonOf(record(await rawRequest(`${url}/api/session`)))['accounts'] as AccountInfo[];
    expect(accounts.map((a) => a.label)).toEqual(['base', 'CloudHsmReadOnly', 'broken']);
    expect(accounts[2]).toMatchObject({
      id: '',
      source: 'profile',
      profile: 'broken',
      error: expect.stringMatching(/No AWS credentials found for profile broken/),
    });
    expect(record(await accountCall(url, '444455556666', 'us-east-1', 'DescribeClusters')).status).toBe(200);
  });
});
