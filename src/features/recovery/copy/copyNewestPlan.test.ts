import { describe, expect, it } from 'vitest';
import type { CopyNewestSelection } from './CopyNewestButton';
import { copyNewestBlockedReason, planCopyNewest } from './copyNewestPlan';

const sel = (region: string, name: string, backupId?: string): CopyNewestSelection => ({
  cluster: { region, cluster: { ClusterId: `cluster-${name}`, TagList: [{ Key: 'Name', Value: name }] } },
  newest: backupId ? { region, backup: { BackupId: backupId, ClusterId: `cluster-${name}`, BackupState: 'READY' } } : undefined,
});

describe('copy the newest backup of each selected cluster', () => {
  it('is off with a reason when nothing is selected or a cluster has no known newest backup', () => {
    expect(copyNewestBlockedReason([])).toBe('Select clusters first');
    expect(copyNewestBlockedReason([sel('us-east-1', 'a', 'backup-a'), sel('eu-west-1', 'b')])).toBe('No known newest READY backup for b');
    expect(copyNewestBlockedReason([sel('us-east-1', 'a', 'backup-a')])).toBeNull();
  });

  it('copies one backup per cluster, skipping a cluster that is in the destination already', () => {
    const plan = planCopyNewest([sel('us-east-1', 'a', 'backup-a'), sel('us-west-2', 'b', 'backup-b')], 'us-west-2');
    expect(plan.runnable.map((b) => b.backup.BackupId)).toEqual(['backup-a']);
    expect(plan.skipped.map((s) => s.reason)).toEqual(['b is in us-west-2 already']);
  });
});
