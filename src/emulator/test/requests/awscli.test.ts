/**
 * The AWS CLI (botocore: its own serializer, parser and SigV4 signer) as an independent client of the
 * emulator. Skipped when `aws` is not on PATH.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../node/server';
import { awsToolEnv } from '../../testing/awsTools';
import { seededSubnets, startTestEmulator, TEST_CREDENTIALS } from '../../testing/harness';

const run = promisify(execFile);
const HAS_AWS = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function aws(url: string, args: string[], credentials = TEST_CREDENTIALS): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(
      'aws',
      ['--endpoint-url', url, '--region', 'us-east-1', 'cloudhsmv2', ...args, '--output', 'json'],
      {
        env: awsToolEnv(credentials),
        timeout: 30_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

function ok(result: CliResult): Record<string, unknown> {
  expect(result.code, result.stderr).toBe(0);
  // An empty output ({} from TagResource/UntagResource) prints nothing.
  return result.stdout.trim() === '' ? {} : (JSON.parse(result.stdout) as Record<string, unknown>);
}

/** The CLI prints timestamps as it got them (epoch numbers) or reformatted (ISO strings): both must parse. */
function timestampMillis(value: unknown): number {
  if (typeof value === 'number') return value * 1000;
  if (typeof value === 'string') return Date.parse(value);
  return Number.NaN;
}

interface Cluster {
  ClusterId: string;
  CreateTimestamp: unknown;
  HsmType: string;
  State: string;
  SubnetMapping: Record<string, string>;
  TagList?: { Key: string; Value: string }[];
  BackupRetentionPolicy?: { Type: string; Value: string };
}

describe.skipIf(!HAS_AWS)('AWS CLI against the emulator (no signature check)', () => {
  let running: RunningEmulator;
  let url: string;
  let clusterId = '';

  beforeAll(async () => {
    running = await startTestEmulator();
    url = running.url;
  });
  afterAll(async () => {
    await running.close();
  });

  it('create-cluster with subnets, HSM type and tags', async () => {
    const subnets = await seededSubnets(url);
    const result = await aws(url, [
      'create-cluster',
      '--hsm-type',
      'hsm2m.medium',
      '--subnet-ids',
      subnets[0]!.SubnetId,
      subnets[1]!.SubnetId,
      '--tag-list',
      'Key=Name,Value=cli cluster',
      'Key=Team,Value=platform',
      '--backup-retention-policy',
      'Type=DAYS,Value=30',
    ]);
    const cluster = ok(result)['Cluster'] as Cluster;
    expect(cluster.ClusterId).toMatch(/^cluster-[a-z2-7]{11}$/);
    expect(cluster.HsmType).toBe('hsm2m.medium');
    expect(cluster.State).toBe('CREATE_IN_PROGRESS');
    expect(Object.values(cluster.SubnetMapping).sort()).toEqual([subnets[0]!.SubnetId, subnets[1]!.SubnetId].sort());
    expect(cluster.SubnetMapping[subnets[0]!.AvailabilityZone]).toBe(subnets[0]!.SubnetId);
    expect(cluster.TagList).toEqual([
      { Key: 'Name', Value: 'cli cluster' },
      { Key: 'Team', Value: 'platform' },
    ]);
    expect(cluster.BackupRetentionPolicy).toEqual({ Type: 'DAYS', Value: '30' });
    clusterId = cluster.ClusterId;
  });

  it('describe-clusters: the cluster is listed and its timestamp parses to about now', async () => {
    const [all, filtered] = await Promise.all([
      aws(url, ['describe-clusters']),
      aws(url, ['describe-clusters', '--filters', `clusterIds=${clusterId}`, '--max-results', '5']),
    ]);
    const clusters = ok(all)['Clusters'] as Cluster[];
    const mine = clusters.find((c) => c.ClusterId === clusterId);
    expect(mine).toBeDefined();
    const millis = timestampMillis(mine!.CreateTimestamp);
    expect(Number.isFinite(millis), String(mine!.CreateTimestamp)).toBe(true);
    expect(Math.abs(millis - Date.now())).toBeLessThan(5 * 60_000);
    expect((ok(filtered)['Clusters'] as Cluster[]).map((c) => c.ClusterId)).toEqual([clusterId]);
  });

  it('tag-resource, then list-tags and untag-resource', async () => {
    expect(
      ok(await aws(url, ['tag-resource', '--resource-id', clusterId, '--tag-list', 'Key=Env,Value=test', 'Key=Name,Value=renamed'])),
    ).toEqual({});
    const listed = ok(await aws(url, ['list-tags', '--resource-id', clusterId]));
    expect(listed['TagList']).toEqual([
      { Key: 'Name', Value: 'renamed' },
      { Key: 'Team', Value: 'platform' },
      { Key: 'Env', Value: 'test' },
    ]);
    ok(await aws(url, ['untag-resource', '--resource-id', clusterId, '--tag-key-list', 'Team', 'Env']));
    expect(ok(await aws(url, ['list-tags', '--resource-id', clusterId]))['TagList']).toEqual([{ Key: 'Name', Value: 'renamed' }]);
  });

  it('describe-backups answers with a Backups list', async () => {
    const result = ok(await aws(url, ['describe-backups', '--filters', `clusterIds=${clusterId}`, '--sort-ascending']));
    expect(result['Backups']).toEqual([]);
  });

  it('a validation error: non-zero exit, CloudHsmInvalidRequestException on stderr', async () => {
    // botocore checks minimums but not maximums or patterns, so these reach the emulator.
    const [tooMany, badId] = await Promise.all([
      aws(url, ['describe-clusters', '--max-results', '26']),
      aws(url, ['delete-cluster', '--cluster-id', 'cluster-NOT-VALID']),
    ]);
    for (const result of [tooMany, badId]) {
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('CloudHsmInvalidRequestException');
    }
    expect(tooMany.stderr).toMatch(/maxResults/);
    expect(badId.stderr).toMatch(/clusterId/);
  });

  it('a not-found error: non-zero exit, CloudHsmResourceNotFoundException on stderr', async () => {
    const result = await aws(url, ['delete-cluster', '--cluster-id', 'cluster-abcdefghijk']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('CloudHsmResourceNotFoundException');
    expect(result.stderr).toContain('cluster-abcdefghijk');
  });
});

describe.skipIf(!HAS_AWS)('AWS CLI against the emulator with SigV4 verification', () => {
  let running: RunningEmulator;
  let url: string;

  beforeAll(async () => {
    running = await startTestEmulator({ credentials: TEST_CREDENTIALS });
    url = running.url;
  });
  afterAll(async () => {
    await running.close();
  });

  it("botocore's signature (signing name cloudhsm) verifies with the right keys; a wrong secret is InvalidSignatureException", async () => {
    const [right, wrong] = await Promise.all([
      aws(url, ['describe-clusters']),
      aws(url, ['describe-clusters'], { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong-secret' }),
    ]);
    expect(ok(right)['Clusters']).toEqual([]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('InvalidSignatureException');
  });

  it('a signed mutation with a body works (the payload hash is checked)', async () => {
    const subnets = await seededSubnets(url);
    const created = ok(await aws(url, ['create-cluster', '--hsm-type', 'hsm2m.medium', '--subnet-ids', subnets[2]!.SubnetId]));
    expect((created['Cluster'] as Cluster).ClusterId).toMatch(/^cluster-/);
  });
});
