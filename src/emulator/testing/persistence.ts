/**
 * Test helpers for the data-file suites (test/programs/): temporary folders cleaned up after the suite (with
 * any CLI a failed test left running), and the whole state a client can see, to compare across restarts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateClusterCommand, type Backup, type CloudHSMV2Client, type Cluster, type Tag } from '@aws-sdk/client-cloudhsm-v2';
import { afterAll } from 'vitest';
import { allBackups, allClusters, listAllTags } from './api';
import { killChildren } from './cliProcess';
import { admin, sdkClient, seededSubnets } from './harness';

/** A maker of temporary folders, all removed (and any CLI still running killed) after the suite. */
export function useTempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    killChildren();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

interface RegionView {
  clusters: Cluster[];
  backups: Backup[];
  tags: Record<string, Tag[]>;
}

/** Everything a client sees in these regions, and the clock offset. */
export async function captureState(
  url: string,
  regions: readonly string[],
): Promise<{ offsetSeconds: unknown; regions: Record<string, RegionView> }> {
  const view: Record<string, RegionView> = {};
  for (const region of regions) {
    const client = sdkClient(url, region);
    try {
      const clusters = await allClusters(client);
      const backups = await allBackups(client);
      const tags: Record<string, Tag[]> = {};
      for (const id of [...clusters.map((c) => c.ClusterId!), ...backups.map((b) => b.BackupId!)]) tags[id] = await listAllTags(client, id);
      view[region] = { clusters, backups, tags };
    } finally {
      client.destroy();
    }
  }
  const clock = await admin(url, 'clock');
  return { offsetSeconds: clock['offsetSeconds'], regions: view };
}

/** CreateCluster in the first two seeded subnets of the region; returns its id. */
export async function createClusterIn(client: CloudHSMV2Client, url: string, region: string, tags?: Tag[]): Promise<string> {
  const subnets = await seededSubnets(url, region);
  const out = await client.send(
    new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: subnets.slice(0, 2).map((s) => s.SubnetId), TagList: tags }),
  );
  return out.Cluster!.ClusterId!;
}

export const fileLines = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
