/**
 * STS GetCallerIdentity on the emulator's port, as the AWS CLI, boto3 and the JS SDK call it (AWS Query
 * protocol: a form-encoded POST, XML answers): the emulated account and IAM user for the credentials it
 * accepts; other actions, unsigned and badly signed requests get STS's XML errors. The CLI and boto3 runs
 * are skipped when `aws` or `python3 -c 'import boto3'` is not available.
 */
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../node/server';
import { awsToolEnv } from '../../testing/awsTools';
import { startTestEmulator, TEST_CREDENTIALS } from '../../testing/harness';
import { signedHeaders } from '../../testing/sigv4';

const run = promisify(execFile);
const HAS_AWS = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
const HAS_BOTO3 = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' }).status === 0;
const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
const IDENTITY_BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
const USER_ID = /^AIDA[A-Z2-7]{17}$/;

type Credentials = { accessKeyId: string; secretAccessKey: string };

const stsClient = (url: string, credentials: Credentials = TEST_CREDENTIALS) =>
  new STSClient({ region: 'us-east-1', endpoint: url, credentials, maxAttempts: 1 });

/** A form-encoded STS request, SigV4-signed (service `sts` unless told) or not at all. */
async function stsPost(
  url: string,
  body: string,
  sign: { credentials?: Credentials; service?: string; signingDate?: Date } | null = {},
): Promise<{ status: number; type: string | null; text: string }> {
  const headers = sign
    ? await signedHeaders(url, {
        service: sign.service ?? 'sts',
        ...(sign.credentials && { credentials: sign.credentials }),
        ...(sign.signingDate && { signingDate: sign.signingDate }),
        headers: { 'content-type': FORM },
        body,
      })
    : { 'content-type': FORM };
  const response = await fetch(`${url}/`, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

const element = (xml: string, name: string): string | undefined => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

async function tool(command: string, args: string[], credentials: Credentials): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { env: awsToolEnv(credentials), timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const BOTO3_SCRIPT = `
import json, sys, boto3, botocore.exceptions
sts = boto3.client('sts', endpoint_url=sys.argv[1])
try:
    print(json.dumps({k: v for k, v in sts.get_caller_identity().items() if k != 'ResponseMetadata'}))
except botocore.exceptions.ClientError as e:
    print(json.dumps({'error': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode']}))
`;

describe('STS GetCallerIdentity without --credentials (any signed request)', () => {
  let running: RunningEmulator;
  beforeAll(async () => {
    running = await startTestEmulator({ account: '210987654321', principalName: 'alice' });
  });
  afterAll(() => running.close());

  it('the JS SDK gets the account, the user ARN and a stable AIDA user id', async () => {
    const sts = stsClient(running.url, { accessKeyId: 'AKIDANYTHING', secretAccessKey: 'anything' });
    const [first, second] = [await sts.send(new GetCallerIdentityCommand({})), await sts.send(new GetCallerIdentityCommand({}))];
    sts.destroy();
    expect(first).toMatchObject({ Account: '210987654321', Arn: 'arn:aws:iam::210987654321:user/alice' });
    expect(first.UserId).toMatch(USER_ID);
    expect(second.UserId).toBe(first.UserId);
  });

  it('answers text/xml in the shape of the STS API reference, with a request id', async () => {
    const answer = await stsPost(running.url, IDENTITY_BODY);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('text/xml');
    expect(answer.text).toMatch(/^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
    expect(element(answer.text, 'Arn')).toBe('arn:aws:iam::210987654321:user/alice');
    expect(element(answer.text, 'RequestId')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an unsigned request is MissingAuthenticationToken (403), in the Query error shape', async () => {
    const answer = await stsPost(running.url, IDENTITY_BODY, null);
    expect(answer.status).toBe(403);
    expect(answer.type).toBe('text/xml');
    expect(answer.text).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(element(answer.text, 'Type')).toBe('Sender');
    expect(element(answer.text, 'Code')).toBe('MissingAuthenticationToken');
    expect(element(answer.text, 'RequestId')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('other actions are InvalidAction (400): unknown ones, and STS actions the emulator does not answer', async () => {
    const [unknown, sessionToken, missing] = await Promise.all([
      stsPost(running.url, 'Action=ListBuckets&Version=2011-06-15'),
      stsPost(running.url, 'Action=GetSessionToken&Version=2011-06-15'),
      stsPost(running.url, 'Version=2011-06-15'),
    ]);
    for (const answer of [unknown, sessionToken]) {
      expect(answer.status).toBe(400);
      expect(element(answer.text, 'Code')).toBe('InvalidAction');
    }
    expect(element(unknown.text, 'Message')).toBe('Could not find operation ListBuckets for version 2011-06-15.');
    expect(element(sessionToken.text, 'Message')).toMatch(/GetSessionToken is not answered by this emulator/);
    expect([missing.status, element(missing.text, 'Code')]).toEqual([400, 'MissingAction']);
  });

  it('CloudHSM (JSON 1.1) still answers on the same port', async () => {
    const response = await fetch(`${running.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'BaldrApiService.DescribeClusters' },
      body: '{}',
    });
    expect(await response.json()).toEqual({ Clusters: [] });
  });

  it.skipIf(!HAS_AWS)('aws sts get-caller-identity --endpoint-url prints the identity', async () => {
    const result = await tool('aws', ['sts', 'get-caller-identity', '--endpoint-url', running.url, '--output', 'json'], TEST_CREDENTIALS);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      UserId: expect.stringMatching(USER_ID),
      Account: '210987654321',
      Arn: 'arn:aws:iam::210987654321:user/alice',
    });
  });
});

describe('STS GetCallerIdentity with --credentials (signatures verified, scoped to sts)', () => {
  let running: RunningEmulator;
  beforeAll(async () => {
    running = await startTestEmulator({ credentials: TEST_CREDENTIALS });
  });
  afterAll(() => running.close());

  it('the right keys get the default account and user (dashboard-demo)', async () => {
    const sts = stsClient(running.url);
    const answer = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(answer).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/dashboard-demo' });
  });

  it('a wrong secret is SignatureDoesNotMatch and an unknown key InvalidClientTokenId, both 403 through the SDK', async () => {
    const failure = async (credentials: Credentials) => {
      const sts = stsClient(running.url, credentials);
      const error = await sts.send(new GetCallerIdentityCommand({})).then(
        () => null,
        (e: unknown) => e,
      );
      sts.destroy();
      expect(error).toBeInstanceOf(STSServiceException);
      const e = error as STSServiceException;
      return [e.name, e.$metadata.httpStatusCode];
    };
    expect(await failure({ ...TEST_CREDENTIALS, secretAccessKey: 'wrong' })).toEqual(['SignatureDoesNotMatch', 403]);
    expect(await failure({ accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' })).toEqual(['InvalidClientTokenId', 403]);
  });

  it("a signature scoped to cloudhsm is refused; STS's 15-minute clock window applies", async () => {
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    const [cloudhsm, tenMinutes, twentyMinutes] = await Promise.all([
      stsPost(running.url, IDENTITY_BODY, { service: 'cloudhsm' }),
      stsPost(running.url, IDENTITY_BODY, { signingDate: minutesAgo(10) }),
      stsPost(running.url, IDENTITY_BODY, { signingDate: minutesAgo(20) }),
    ]);
    expect(element(cloudhsm.text, 'Code')).toBe('SignatureDoesNotMatch');
    expect(element(cloudhsm.text, 'Message')).toBe("Credential should be scoped to correct service: 'sts'.");
    expect(tenMinutes.status).toBe(200);
    expect([twentyMinutes.status, element(twentyMinutes.text, 'Code')]).toEqual([403, 'SignatureDoesNotMatch']);
    expect(element(twentyMinutes.text, 'Message')).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than .* - 15 min\.\)$/);
  });

  it.skipIf(!HAS_BOTO3)('boto3: the identity with the right keys, SignatureDoesNotMatch with a wrong secret', async () => {
    const [right, wrong] = await Promise.all([
      tool('python3', ['-c', BOTO3_SCRIPT, running.url], TEST_CREDENTIALS),
      tool('python3', ['-c', BOTO3_SCRIPT, running.url], { ...TEST_CREDENTIALS, secretAccessKey: 'wrong' }),
    ]);
    expect(right.code, right.stderr).toBe(0);
    expect(JSON.parse(right.stdout)).toEqual({
      UserId: expect.stringMatching(USER_ID),
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/dashboard-demo',
    });
    expect(JSON.parse(wrong.stdout)).toEqual({ error: 'SignatureDoesNotMatch', status: 403 });
  });

  it.skipIf(!HAS_AWS)('the AWS CLI with a wrong secret exits non-zero naming SignatureDoesNotMatch', async () => {
    const result = await tool('aws', ['sts', 'get-caller-identity', '--endpoint-url', running.url], {
      ...TEST_CREDENTIALS,
      secretAccessKey: 'wrong',
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('SignatureDoesNotMatch');
  });
});
