/**
 * Several accounts on one emulator: `--credentials AKID:SECRET:ACCOUNT` keys each act in their own account,
 * STS AssumeRole hands out temporary credentials for a role of any account, and requests signed with them act
 * in the role's account until the token expires on the emulator clock (advance-clock), under that account's
 * own quotas. The JS SDK, then boto3 and the AWS CLI (skipped when not installed).
 */
import { CreateClusterCommand, DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listNetwork } from '../../network';
import type { RunningEmulator } from '../../node/server';
import { awsToolEnv } from '../../testing/awsTools';
import { advanceClock, sdkClient, startTestEmulator } from '../../testing/harness';

const run = promisify(execFile);
const HAS_AWS = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
const HAS_BOTO3 = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' }).status === 0;

/** boto3: AssumeRole, then five CreateCluster calls with the role's credentials; what each answered. */
const BOTO3_FIVE_CLUSTERS = `
import json, sys, boto3, botocore.exceptions
url, role_arn, subnet = sys.argv[1:4]
creds = boto3.client('sts', endpoint_url=url).assume_role(RoleArn=role_arn, RoleSessionName='boto3')['Credentials']
hsm = boto3.client('cloudhsmv2', endpoint_url=url, aws_access_key_id=creds['AccessKeyId'],
                   aws_secret_access_key=creds['SecretAccessKey'], aws_session_token=creds['SessionToken'])
out = []
for _ in range(5):
    try:
        out.append(hsm.create_cluster(HsmType='hsm2m.medium', SubnetIds=[subnet])['Cluster']['State'])
    except botocore.exceptions.ClientError as e:
        out.append([e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode'], e.response['Error']['Message']])
print(json.dumps(out))
`;

const SECURITY = '111122223333';
const WORKLOAD = '444455556666';
const SECURITY_KEY = { accessKeyId: 'AKIDSECURITYACCOUNT', secretAccessKey: 'security-secret' };
const WORKLOAD_KEY = { accessKeyId: 'AKIDWORKLOADACCOUNT', secretAccessKey: 'workload-secret' };
const ROLE_ARN = `arn:aws:iam::${WORKLOAD}:role/cloudhsm-viewer`;

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const sts = (url: string, credentials: Credentials) => new STSClient({ region: 'us-east-1', endpoint: url, credentials, maxAttempts: 1 });

async function refusal(promise: Promise<unknown>): Promise<[string, number | undefined, string]> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    return [e.name ?? '', e.$metadata?.httpStatusCode, e.message ?? ''];
  }
  throw new Error('accepted');
}

async function clusterIds(url: string, credentials: Credentials): Promise<string[]> {
  const client = sdkClient(url, 'us-east-1', credentials);
  const answer = await client.send(new DescribeClustersCommand({}));
  client.destroy();
  return (answer.Clusters ?? []).map((c) => c.ClusterId!);
}

async function createCluster(running: RunningEmulator, credentials: Credentials, account: string): Promise<string> {
  const subnet = listNetwork(running.emulator.store, account, 'us-east-1').subnets.find((s) => s.CidrBlock.startsWith('10.0.'))!;
  const client = sdkClient(running.url, 'us-east-1', credentials);
  const answer = await client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [subnet.SubnetId] }));
  client.destroy();
  return answer.Cluster!.ClusterId!;
}

async function assumeRole(url: string, caller: Credentials, durationSeconds?: number): Promise<Credentials> {
  const client = sts(url, caller);
  const answer = await client.send(
    new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'cloudhsm-dashboard', DurationSeconds: durationSeconds }),
  );
  client.destroy();
  const c = answer.Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
}

describe('--credentials of two accounts (signatures required)', () => {
  let running: RunningEmulator;
  let workloadCluster = '';
  beforeAll(async () => {
    running = await startTestEmulator({ account: SECURITY, credentials: [SECURITY_KEY, { ...WORKLOAD_KEY, account: WORKLOAD }] });
    workloadCluster = await createCluster(running, WORKLOAD_KEY, WORKLOAD);
  });
  afterAll(() => running.close());

  it('each key sees its own account: the cluster one makes is not in the other one', async () => {
    expect(await clusterIds(running.url, WORKLOAD_KEY)).toEqual([workloadCluster]);
    expect(await clusterIds(running.url, SECURITY_KEY)).toEqual([]);
    const client = sts(running.url, WORKLOAD_KEY);
    expect(await client.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: WORKLOAD,
      Arn: `arn:aws:iam::${WORKLOAD}:user/dashboard-demo`,
    });
    client.destroy();
  });

  it("the admin network route lists another account's subnets with ?account=, and refuses a non-account", async () => {
    const of = async (query: string) => {
      const answer = await fetch(`${running.url}/_emulator/network?region=us-east-1${query}`);
      return {
        status: answer.status,
        body: (await answer.json()) as { account?: string; subnets?: { SubnetId: string }[]; error?: string },
      };
    };
    const workload = await of(`&account=${WORKLOAD}`);
    expect(workload.body.account).toBe(WORKLOAD);
    expect(workload.body.subnets?.map((s) => s.SubnetId)).toEqual(
      listNetwork(running.emulator.store, WORKLOAD, 'us-east-1').subnets.map((s) => s.SubnetId),
    );
    expect((await of('')).body.account).toBe(SECURITY);
    expect(await of('&account=12345')).toMatchObject({ status: 400, body: { error: 'CloudHsmInvalidRequestException' } });
  });

  it('an unknown key is UnrecognizedClientException for CloudHSM and InvalidClientTokenId for STS', async () => {
    const stranger = { accessKeyId: 'AKIDSTRANGER', secretAccessKey: 'x' };
    expect(await refusal(clusterIds(running.url, stranger))).toEqual([
      'UnrecognizedClientException',
      403,
      'The security token included in the request is invalid.',
    ]);
    expect((await refusal(sts(running.url, stranger).send(new GetCallerIdentityCommand({}))))[0]).toBe('InvalidClientTokenId');
  });

  it("AssumeRole from the security account into the workload's role: its credentials act in the workload account", async () => {
    const client = sts(running.url, SECURITY_KEY);
    const answer = await client.send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'cloudhsm-dashboard', ExternalId: 'acme-7f3c' }),
    );
    client.destroy();
    expect(answer.AssumedRoleUser).toEqual({
      AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:cloudhsm-dashboard$/),
      Arn: `arn:aws:sts::${WORKLOAD}:assumed-role/cloudhsm-viewer/cloudhsm-dashboard`,
    });
    expect(answer.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    const lasts = answer.Credentials!.Expiration!.getTime() - running.emulator.now() * 1000;
    expect(lasts).toBeGreaterThan(3590_000);
    expect(lasts).toBeLessThanOrEqual(3600_000);
    expect(answer.PackedPolicySize).toBeUndefined();
    const role = {
      accessKeyId: answer.Credentials!.AccessKeyId!,
      secretAccessKey: answer.Credentials!.SecretAccessKey!,
      sessionToken: answer.Credentials!.SessionToken!,
    };
    expect(await clusterIds(running.url, role)).toEqual([workloadCluster]);
    const asRole = sts(running.url, role);
    expect(await asRole.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: WORKLOAD,
      Arn: `arn:aws:sts::${WORKLOAD}:assumed-role/cloudhsm-viewer/cloudhsm-dashboard`,
      UserId: answer.AssumedRoleUser!.AssumedRoleId,
    });
    asRole.destroy();
  });

  it('a wrong token is refused as invalid; after the duration (emulator clock) the token is expired', async () => {
    const role = await assumeRole(running.url, SECURITY_KEY, 900);
    const wrong = { ...role, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE' };
    expect(await refusal(clusterIds(running.url, wrong))).toEqual([
      'UnrecognizedClientException',
      403,
      'The security token included in the request is invalid.',
    ]);
    expect((await refusal(sts(running.url, wrong).send(new GetCallerIdentityCommand({}))))[0]).toBe('InvalidClientTokenId');
    const noToken = { accessKeyId: role.accessKeyId, secretAccessKey: role.secretAccessKey };
    expect((await refusal(clusterIds(running.url, noToken)))[0]).toBe('UnrecognizedClientException');
    await advanceClock(running.url, 901);
    expect(await refusal(clusterIds(running.url, role))).toEqual([
      'ExpiredTokenException',
      403,
      'The security token included in the request is expired',
    ]);
    expect(await refusal(sts(running.url, role).send(new GetCallerIdentityCommand({})))).toEqual([
      'ExpiredToken',
      403,
      'The security token included in the request is expired',
    ]);
  });

  it('AssumeRole refusals are ValidationError in the Query error shape', async () => {
    const client = sts(running.url, SECURITY_KEY);
    const [name, status, message] = await refusal(
      client.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'x', DurationSeconds: 43201 })),
    );
    client.destroy();
    expect([name, status]).toEqual(['ValidationError', 400]);
    expect(message).toBe(
      "2 validation errors detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2; Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
  });
});

describe('AssumeRole without --credentials (any signed request may assume a role)', () => {
  let running: RunningEmulator;
  beforeAll(async () => {
    running = await startTestEmulator({ account: SECURITY });
  });
  afterAll(() => running.close());

  it("the issued credentials act in the role's account; other signers stay in the default account", async () => {
    const role = await assumeRole(running.url, { accessKeyId: 'AKIDANYTHING', secretAccessKey: 'anything' });
    const created = await createCluster(running, role, WORKLOAD);
    expect(await clusterIds(running.url, role)).toEqual([created]);
    expect(await clusterIds(running.url, { accessKeyId: 'AKIDANYTHING', secretAccessKey: 'anything' })).toEqual([]);
    // The signature of an issued session is checked even here.
    expect((await refusal(clusterIds(running.url, { ...role, secretAccessKey: 'wrong' })))[0]).toBe('InvalidSignatureException');
  });

  it('an ASIA key it never issued, with a token, is refused as an invalid token', async () => {
    const forged = { accessKeyId: 'ASIAFORGEDFORGEDFORG', secretAccessKey: 'x', sessionToken: 'token' };
    expect(await refusal(clusterIds(running.url, forged))).toEqual([
      'UnrecognizedClientException',
      403,
      'The security token included in the request is invalid.',
    ]);
  });

  it.skipIf(!HAS_BOTO3)(
    "boto3: AssumeRole into another account, five clusters in one region: the fifth is refused with AWS's error",
    async () => {
      const account = '777788889999';
      const subnet = listNetwork(running.emulator.store, account, 'us-east-1').subnets.find((s) => s.CidrBlock.startsWith('10.0.'))!;
      const { stdout } = await run(
        'python3',
        ['-c', BOTO3_FIVE_CLUSTERS, running.url, `arn:aws:iam::${account}:role/boto3`, subnet.SubnetId],
        {
          env: awsToolEnv({ accessKeyId: 'AKIDBOTO3', secretAccessKey: 'boto3-secret' }),
          timeout: 30_000,
        },
      );
      expect(JSON.parse(stdout)).toEqual([
        'CREATE_IN_PROGRESS',
        'CREATE_IN_PROGRESS',
        'CREATE_IN_PROGRESS',
        'CREATE_IN_PROGRESS',
        [
          'CloudHsmResourceLimitExceededException',
          400,
          'This account already has 4 clusters in us-east-1, its quota (clusters that are not DELETED count). Delete a cluster, or request a quota increase in Service Quotas.',
        ],
      ]);
      expect(running.emulator.quotaFor(account, 'us-east-1')).toEqual({ clusters: 4, hsms: 6, hsmsPerCluster: 28 });
    },
  );

  it.skipIf(!HAS_AWS)(
    'aws sts assume-role, then aws cloudhsmv2 describe-clusters with its credentials lists the role account',
    async () => {
      const caller = { accessKeyId: 'AKIDCLI', secretAccessKey: 'cli-secret' };
      const assumed = await run(
        'aws',
        [
          'sts',
          'assume-role',
          '--endpoint-url',
          running.url,
          '--role-arn',
          ROLE_ARN,
          '--role-session-name',
          'cli',
          '--duration-seconds',
          '900',
          '--output',
          'json',
        ],
        { env: awsToolEnv(caller), timeout: 30_000 },
      );
      const answer = JSON.parse(assumed.stdout) as { Credentials: Record<string, string>; AssumedRoleUser: { Arn: string } };
      expect(answer.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${WORKLOAD}:assumed-role/cloudhsm-viewer/cli`);
      const role = {
        accessKeyId: answer.Credentials['AccessKeyId']!,
        secretAccessKey: answer.Credentials['SecretAccessKey']!,
        sessionToken: answer.Credentials['SessionToken']!,
      };
      const expected = await clusterIds(running.url, role);
      expect(expected.length).toBeGreaterThan(0);
      const listed = await run(
        'aws',
        ['cloudhsmv2', 'describe-clusters', '--endpoint-url', running.url, '--region', 'us-east-1', '--output', 'json'],
        {
          env: awsToolEnv(role),
          timeout: 30_000,
        },
      );
      expect((JSON.parse(listed.stdout) as { Clusters: { ClusterId: string }[] }).Clusters.map((c) => c.ClusterId)).toEqual(expected);
    },
  );
});
