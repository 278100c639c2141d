/**
 * PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy over real HTTP (not in SDK 3.332: raw JSON 1.1
 * calls): the answers, every error, and proof that a refused request changed nothing.
 */
import { DeleteBackupCommand, DeleteHsmCommand } from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT } from '../../emulator';
import type { BackupRecord } from '../../types';
import { advanceUntil, allBackups, emulatorNow, listedCluster as describeCluster, snapshot } from '../../testing/api';
import { activeCluster, activeHsm, sendCreateCluster, type ActiveCluster } from '../../testing/clusters';
import { refused, TEST_REGION as REGION, useEmulator } from '../../testing/env';
import { rawCall, type RawResponse } from '../../testing/harness';
import { arnOf, OTHER_ACCOUNT, rawRefused } from '../../testing/operations';

const env = useEmulator();
let active: ActiveCluster;
let backupId = '';
const policy = (account: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: ['cloudhsm:CreateCluster', 'cloudhsm:DescribeBackups'],
        Resource: '*',
      },
    ],
  });
const call = (operation: string, body: unknown): Promise<RawResponse> => rawCall(env.url, operation, body, { region: REGION });
beforeAll(async () => {
  active = await activeCluster(env);
  backupId = (await allBackups(env.client))[0]!.BackupId!;
});

describe('PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy', () => {
  it('Get on a backup without a policy answers {"Policy": "{}"}, as the real service does', async () => {
    const got = await call('GetResourcePolicy', { ResourceArn: arnOf(backupId) });
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ Policy: '{}' });
  });

  it('Put creates or replaces the policy, Get returns it, Delete returns and removes it', async () => {
    const arn = arnOf(backupId);
    const put = await call('PutResourcePolicy', { ResourceArn: arn, Policy: policy('111122223333') });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ ResourceArn: arn, Policy: policy('111122223333') });
    expect((await call('GetResourcePolicy', { ResourceArn: arn })).body).toEqual({ Policy: policy('111122223333') });
    await call('PutResourcePolicy', { ResourceArn: arn, Policy: policy('444455556666') });
    expect((await call('GetResourcePolicy', { ResourceArn: arn })).body).toEqual({ Policy: policy('444455556666') });
    const deleted = await call('DeleteResourcePolicy', { ResourceArn: arn });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ ResourceArn: arn, Policy: policy('444455556666') });
    expect((await call('GetResourcePolicy', { ResourceArn: arn })).body).toEqual({ Policy: '{}' });
  });
});

describe('resource policy refusals change nothing', () => {
  it('refuses missing, malformed, non-backup, foreign and unknown ARNs and bad policies, changing nothing', async () => {
    const arn = arnOf(backupId);
    await call('PutResourcePolicy', { ResourceArn: arn, Policy: policy('111122223333') });
    const pending = (await allBackups(env.client, { states: ['READY'] })).find((b) => b.BackupId !== backupId);
    // A second backup, put in PENDING_DELETION: a policy needs a READY backup.
    let pendingId = pending?.BackupId;
    if (!pendingId) {
      const spare = await activeHsm(env, active.clusterId, env.subnets[1]!.AvailabilityZone);
      await env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, HsmId: spare }));
      await advanceUntil(env.url, async () => (await allBackups(env.client, { states: ['READY'] })).length >= 2);
      pendingId = (await allBackups(env.client, { states: ['READY'] })).find((b) => b.BackupId !== backupId)!.BackupId!;
    }
    await env.client.send(new DeleteBackupCommand({ BackupId: pendingId }));
    const before = await snapshot(env);

    for (const op of ['PutResourcePolicy', 'GetResourcePolicy', 'DeleteResourcePolicy']) {
      const withPolicy = (body: Record<string, unknown>) =>
        op === 'PutResourcePolicy' ? { Policy: policy('111122223333'), ...body } : body;
      rawRefused(await call(op, withPolicy({})), 'CloudHsmInvalidRequestException', /ResourceArn is required/);
      rawRefused(
        await call(op, withPolicy({ ResourceArn: backupId })),
        'CloudHsmInvalidRequestException',
        /resourceArn.*regular expression/,
      );
      rawRefused(
        await call(op, withPolicy({ ResourceArn: `arn:aws:cloudhsm:us-east-1:${DEFAULT_ACCOUNT}:cluster/${active.clusterId}` })),
        'CloudHsmInvalidRequestException',
        /supported on backups only.*is a cluster/,
      );
      rawRefused(
        await call(op, withPolicy({ ResourceArn: `arn:aws:cloudhsm:us-east-1:${DEFAULT_ACCOUNT}:hsm/${active.hsmId}` })),
        'CloudHsmInvalidRequestException',
        /supported on backups only.*is a hsm/,
      );
      rawRefused(
        await call(op, withPolicy({ ResourceArn: arnOf('backup-zzzzzzzzzzz') })),
        'CloudHsmResourceNotFoundException',
        /backup-zzzzzzzzzzz was not found/,
      );
      rawRefused(
        await call(op, withPolicy({ ResourceArn: arnOf(backupId, 'eu-west-1') })),
        'CloudHsmResourceNotFoundException',
        new RegExp(`${backupId} was not found in us-east-1`),
      );
      rawRefused(
        await call(op, withPolicy({ ResourceArn: arnOf(backupId, REGION, OTHER_ACCOUNT) })),
        'CloudHsmAccessDeniedException',
        new RegExp(`belongs to account ${OTHER_ACCOUNT}; only its owner`),
      );
    }
    rawRefused(await call('PutResourcePolicy', { ResourceArn: arn }), 'CloudHsmInvalidRequestException', /Policy is required/);
    rawRefused(
      await call('PutResourcePolicy', { ResourceArn: arn, Policy: 'allow everyone' }),
      'CloudHsmInvalidRequestException',
      /Policy is not valid JSON/,
    );
    rawRefused(
      await call('PutResourcePolicy', { ResourceArn: arn, Policy: '{"Version":"2012-10-17"}' }),
      'CloudHsmInvalidRequestException',
      /with a Statement/,
    );
    rawRefused(
      await call('PutResourcePolicy', { ResourceArn: arn, Policy: '' }),
      'CloudHsmInvalidRequestException',
      /policy.*greater than or equal to 1/,
    );
    rawRefused(
      await call('PutResourcePolicy', { ResourceArn: arn, Policy: ' '.repeat(20_001) }),
      'CloudHsmInvalidRequestException',
      /policy.*less than or equal to 20000/,
    );
    rawRefused(
      await call('PutResourcePolicy', { ResourceArn: arnOf(pendingId), Policy: policy('111122223333') }),
      'CloudHsmInvalidRequestException',
      /PENDING_DELETION; a resource policy can only be put on a READY backup/,
    );

    expect(await snapshot(env)).toEqual(before);
    expect((await call('GetResourcePolicy', { ResourceArn: arn })).body).toEqual({ Policy: policy('111122223333') });
    expect((await call('GetResourcePolicy', { ResourceArn: arnOf(pendingId) })).body).toEqual({ Policy: '{}' });
  });
});

describe('backups shared by another account', () => {
  it('a backup shared with this account by another account is listed with Shared and usable by ARN only after sharing', async () => {
    // The other account's backup is written straight into its state (the HTTP API only ever acts as the
    // emulator's own account); its owner then manages the policy through the operation itself.
    const store = env.running.emulator.store;
    const foreignId = 'backup-fore2gnbackp';
    const now = await emulatorNow(env.url);
    const record: BackupRecord = {
      BackupId: foreignId,
      ClusterId: 'cluster-fore2gnclstr',
      CreateTimestamp: now - 3600,
      BackupState: 'READY',
      NeverExpires: false,
      HsmType: 'hsm2m.medium',
      Mode: 'FIPS',
      Tags: [],
      _clusterCertificate: active.certificate,
    };
    store.putBackup(store.region(OTHER_ACCOUNT, REGION), record);
    const foreignArn = arnOf(foreignId, REGION, OTHER_ACCOUNT);

    const before = await snapshot(env);
    const createFrom = () => sendCreateCluster(env, { SourceBackupId: foreignArn });
    await refused(createFrom(), 'CloudHsmAccessDeniedException', new RegExp(`not shared with account ${DEFAULT_ACCOUNT}`));
    // Without the ARN the id is looked up in the caller's own account.
    await refused(sendCreateCluster(env, { SourceBackupId: foreignId }), 'CloudHsmResourceNotFoundException', /was not found/);
    expect(await snapshot(env)).toEqual(before);
    // (SDK 3.332 cannot send Shared.)
    expect((await rawCall(env.url, 'DescribeBackups', { Shared: true }, { region: REGION })).body).toEqual({ Backups: [] });

    await env.running.emulator.handle(
      'PutResourcePolicy',
      { ResourceArn: foreignArn, Policy: policy(DEFAULT_ACCOUNT) },
      { region: REGION, account: OTHER_ACCOUNT },
    );
    const shared = await rawCall(env.url, 'DescribeBackups', { Shared: true }, { region: REGION });
    const sharedBackups = shared.body['Backups'] as Record<string, unknown>[];
    expect(sharedBackups.map((b) => b['BackupId'])).toEqual([foreignId]);
    expect(sharedBackups[0]!['BackupArn']).toBe(foreignArn);
    // The owner's policy cannot be read or changed by the account it is shared with.
    rawRefused(await call('GetResourcePolicy', { ResourceArn: foreignArn }), 'CloudHsmAccessDeniedException', /only its owner/);

    const { Cluster: restored } = await createFrom();
    expect(restored!.SourceBackupId).toBe(foreignId);
    await advanceUntil(env.url, async () => (await describeCluster(env.client, restored!.ClusterId!)).State === 'ACTIVE');
    expect((await describeCluster(env.client, restored!.ClusterId!)).Certificates).toEqual({ ClusterCertificate: active.certificate });
  });
});
