/**
 * The extension against the real dashboard server (POST /aws/<region> → in-process emulator): SDK 3.332
 * drops these members; with the extension they come back, through the Node handler (IncomingMessage
 * bodies) and the browser's FetchHttpHandler (ReadableStream bodies).
 */
import {
  CloudHSMV2Client,
  DeleteBackupCommand,
  DescribeBackupsCommand,
  DescribeClustersCommand,
  ModifyBackupAttributesCommand,
} from '@aws-sdk/client-cloudhsm-v2';
import { FetchHttpHandler, streamCollector as fetchStreamCollector } from '@aws-sdk/fetch-http-handler';
import { describe, expect, it } from 'vitest';
import { createCloudHsmClients, PLACEHOLDER_CREDENTIALS } from '../clients';
import { ACCOUNT, testBackendPerFile } from '../testing/backend';
import type { BackupWithExtras, ClusterWithExtras } from './extras';
import { createClusterCommand, modifyClusterCommand } from './inputs';

const REGION = 'us-east-1';
// Real-time speed: the demo's clusters in transition stay where they are while a test compares the SDK's
// answer with the stored records (at 600× one could settle between the two reads).
const backend = testBackendPerFile({ seed: 'demo', speed: 1 });

/** Adds an innermost middleware that records what kind of body the request handler returned. */
function recordBodyKinds(client: CloudHSMV2Client): string[] {
  const kinds: string[] = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const body = (result.response as { body?: unknown }).body;
      kinds.push(typeof body === 'object' && body !== null ? body.constructor.name : typeof body);
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'recordBodyKind' },
  );
  return kinds;
}

async function store() {
  const { clusters, backups } = await backend.records(REGION);
  return { clusters: new Map(clusters.map((c) => [c.ClusterId, c])), backups: new Map(backups.map((b) => [b.BackupId, b])) };
}

describe('SDK 3.332 alone', () => {
  it('drops Mode, NetworkType and BackupArn although the server sends them (the gap the extension fills)', async () => {
    const bare = new CloudHSMV2Client({
      region: REGION,
      endpoint: `${backend.url}/aws/${REGION}`,
      credentials: PLACEHOLDER_CREDENTIALS,
      maxAttempts: 1,
    });
    const clusters = (await bare.send(new DescribeClustersCommand({}))).Clusters as ClusterWithExtras[];
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.every((c) => c.Mode === undefined && c.NetworkType === undefined)).toBe(true);
    const backups = (await bare.send(new DescribeBackupsCommand({ MaxResults: 5 }))).Backups as BackupWithExtras[];
    expect(backups.every((b) => b.BackupArn === undefined)).toBe(true);
  });
});

describe.each([
  { handler: 'Node http handler', clientConfig: {}, body: 'IncomingMessage' },
  {
    handler: 'browser FetchHttpHandler',
    clientConfig: { requestHandler: new FetchHttpHandler(), streamCollector: fetchStreamCollector },
    body: 'ReadableStream',
  },
])('the dropped-members extension, $handler', ({ clientConfig, body }) => {
  const client = () => createCloudHsmClients({ baseUrl: backend.url, maxAttempts: 1, clientConfig }).forRegion(REGION);

  it(`restores Cluster.Mode and NetworkType on DescribeClusters (${body} bodies)`, async () => {
    const c = client();
    const kinds = recordBodyKinds(c);
    const clusters = (await c.send(new DescribeClustersCommand({}))).Clusters as ClusterWithExtras[];
    expect(kinds).toEqual([body]);
    const truth = await store();
    expect(clusters.length).toBe(truth.clusters.size);
    for (const cluster of clusters) {
      const record = truth.clusters.get(cluster.ClusterId!)!;
      expect(cluster.Mode).toBe(record.Mode);
      expect(cluster.NetworkType).toBe(record.NetworkType);
      // The SDK's own members are still there, timestamps as Dates.
      expect(cluster.CreateTimestamp).toBeInstanceOf(Date);
      expect(cluster.State).toBe(record.State);
    }
  });

  it('restores Backup.BackupArn, HsmType and Mode on DescribeBackups and single-Backup outputs', async () => {
    const c = client();
    const backups = (await c.send(new DescribeBackupsCommand({ MaxResults: 10 }))).Backups as BackupWithExtras[];
    expect(backups).toHaveLength(10);
    const truth = await store();
    for (const backup of backups) {
      const record = truth.backups.get(backup.BackupId!)!;
      expect(backup.BackupArn).toBe(`arn:aws:cloudhsm:${REGION}:${ACCOUNT}:backup/${backup.BackupId}`);
      expect(backup.HsmType).toBe(record.HsmType);
      expect(backup.Mode).toBe(record.Mode);
    }
    const ready = backups.find((b) => b.BackupState === 'READY' && !b.SourceRegion)!;
    const modified = (
      await c.send(new ModifyBackupAttributesCommand({ BackupId: ready.BackupId, NeverExpires: ready.NeverExpires ?? false }))
    ).Backup as BackupWithExtras;
    expect(modified.BackupArn).toBe(ready.BackupArn);
    expect(modified.Mode).toBe(ready.Mode);
  });

  it('sends Mode and NetworkType on CreateCluster and reads them back', async () => {
    const c = client();
    const created = (
      await c.send(
        createClusterCommand({
          HsmType: 'hsm2m.medium',
          SubnetIds: ['subnet-0aa11bb22cc33dd44'],
          Mode: 'NON_FIPS',
          NetworkType: 'DUALSTACK',
        }),
      )
    ).Cluster as ClusterWithExtras;
    expect(created).toMatchObject({ HsmType: 'hsm2m.medium', Mode: 'NON_FIPS', NetworkType: 'DUALSTACK', State: 'CREATE_IN_PROGRESS' });
    expect((await store()).clusters.get(created.ClusterId!)).toMatchObject({ Mode: 'NON_FIPS', NetworkType: 'DUALSTACK' });
  });

  it('leaves error answers to the SDK: its exception class, message and request id', async () => {
    const error: unknown = await client()
      .send(new DeleteBackupCommand({ BackupId: 'backup-aaaaaaaaaaa' }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CloudHsmResourceNotFoundException', message: expect.stringMatching(/backup-aaaaaaaaaaa/) });
    expect((error as { $metadata: { requestId?: string; httpStatusCode?: number } }).$metadata).toMatchObject({
      httpStatusCode: 400,
      requestId: expect.any(String),
    });
  });
});

describe('ModifyCluster as of 2025-01', () => {
  it('takes HsmType without BackupRetentionPolicy and shows HsmTypeRollbackExpiration as a Date', async () => {
    const c = createCloudHsmClients({ baseUrl: backend.url, maxAttempts: 1 }).forRegion(REGION);
    const clusters = (await c.send(new DescribeClustersCommand({}))).Clusters as ClusterWithExtras[];
    const hsm1 = clusters.find((cl) => cl.HsmType === 'hsm1.medium' && cl.State === 'ACTIVE');
    expect(hsm1, 'the demo seed has an ACTIVE hsm1.medium cluster').toBeDefined();
    const modified = (await c.send(modifyClusterCommand({ ClusterId: hsm1!.ClusterId!, HsmType: 'hsm2m.medium' })))
      .Cluster as ClusterWithExtras;
    expect(modified.State).toBe('MODIFY_IN_PROGRESS');
    expect(modified.HsmType).toBe('hsm2m.medium');
    expect(modified.HsmTypeRollbackExpiration).toBeInstanceOf(Date);
    const record = (await store()).clusters.get(hsm1!.ClusterId!)!;
    expect(modified.HsmTypeRollbackExpiration!.getTime()).toBe(Math.round(record.HsmTypeRollbackExpiration! * 1000));
  });
});
