// @vitest-environment happy-dom
/** useSharedBackupsQuery against an emulator holding a second account that shares backups with the base one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharePolicyDocument } from '../../cloudhsm/sharing';
import { backupArn } from '../../cloudhsm/ids';
import { createClusterCommand } from '../extensions/inputs';
import { testClients } from '../testing/backend';
import { hookHarness, renderFanOut } from '../testing/render';
import { startTwoAccountEmulator, type TwoAccountEmulator } from '../testing/twoAccountEmulator';
import { useSharedBackupsQuery } from './sharedBackups';

const OWNER = '210987654321';
const REGION = 'us-east-1';
let env: TwoAccountEmulator;

const policyFor = (id: string, accounts: string[]) => sharePolicyDocument(backupArn(REGION, OWNER, id), accounts);

beforeAll(async () => {
  env = await startTwoAccountEmulator();
  const base = env.baseAccount;
  env.putBackup(OWNER, REGION, {
    id: 'backup-sharedoldaa',
    clusterId: 'cluster-ownerclusta',
    ageSeconds: 3 * 86_400,
    policy: policyFor('backup-sharedoldaa', [base]),
  });
  env.putBackup(OWNER, REGION, {
    id: 'backup-sharednewaa',
    clusterId: 'cluster-ownerclusta',
    ageSeconds: 86_400,
    policy: policyFor('backup-sharednewaa', [base]),
  });
  env.putBackup(OWNER, REGION, {
    id: 'backup-sharedmidaa',
    clusterId: 'cluster-ownerclusta',
    ageSeconds: 2 * 86_400,
    policy: policyFor('backup-sharedmidaa', [base]),
  });
  // Not shared with the base account: shared with someone else, not shared, and the base account's own.
  env.putBackup(OWNER, REGION, {
    id: 'backup-elsewhereaa',
    clusterId: 'cluster-ownerclusta',
    policy: policyFor('backup-elsewhereaa', ['444455556666']),
  });
  env.putBackup(OWNER, REGION, { id: 'backup-notsharedaa', clusterId: 'cluster-ownerclusta' });
  env.putBackup(base, REGION, { id: 'backup-ownbackupaa', clusterId: 'cluster-baseclustaa' });
});
afterAll(() => env.close());

describe('useSharedBackupsQuery', () => {
  it('lists the backups other accounts share with the caller, newest first, each with its owner; not its own nor others’', async () => {
    const { wrapper } = hookHarness(env);
    const result = await renderFanOut(() => useSharedBackupsQuery([REGION, 'us-west-2']), wrapper);
    expect(result.current.errors).toEqual([]);
    expect(result.current.rows.map((r) => [r.backup.BackupId, r.owner, r.region])).toEqual([
      ['backup-sharednewaa', OWNER, REGION],
      ['backup-sharedmidaa', OWNER, REGION],
      ['backup-sharedoldaa', OWNER, REGION],
    ]);
    expect(result.current.rows[0]!.backup.BackupArn).toBe(backupArn(REGION, OWNER, 'backup-sharednewaa'));
    expect(result.current.truncated).toEqual([]);
  });

  it('reads at most its bound per region, newest first, and says where it stopped', async () => {
    const { wrapper, log } = hookHarness(env);
    const result = await renderFanOut(() => useSharedBackupsQuery([REGION], [undefined], 2), wrapper);
    expect(result.current.rows.map((r) => r.backup.BackupId)).toEqual(['backup-sharednewaa', 'backup-sharedmidaa']);
    expect(result.current.truncated).toEqual([{ region: REGION }]);
    const calls = log.of('DescribeBackups');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input).toMatchObject({ Shared: true, SortAscending: false, MaxResults: 2 });
  });

  it('CreateCluster takes a shared backup by its ARN (the emulator, as the real API), and refuses one not shared with the caller', async () => {
    const { clients } = testClients(env);
    const subnets = [...env.emulator.store.region(env.baseAccount, REGION).subnets.values()].slice(0, 2).map((s) => s.SubnetId);
    const create = (source: string) =>
      clients.forMutation(REGION).send(createClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: subnets, SourceBackupId: source }));
    const created = await create(backupArn(REGION, OWNER, 'backup-sharednewaa'));
    expect(created.Cluster?.SourceBackupId).toBe('backup-sharednewaa');
    await expect(create(backupArn(REGION, OWNER, 'backup-notsharedaa'))).rejects.toMatchObject({ name: 'CloudHsmAccessDeniedException' });
  });
});
