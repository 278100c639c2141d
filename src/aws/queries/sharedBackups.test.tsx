// @vitest-environment happy-dom
/** useSharedBackupsQuery against an emulator holding a second account that shares backups with the base one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharePolicyDocument } from '../../cloudhsm/sharing';
import { backupArn } from '../../cloudhsm/ids';
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
    id: 'backup-sharedolda',
    clusterId: 'cluster-ownerclusta',
    ageSeconds: 3 * 86_400,
    policy: policyFor('backup-sharedolda', [base]),
  });
  env.putBackup(OWNER, REGION, {
    id: 'backup-sharednewa',
    clusterId: 'cluster-ownerclusta',
    ageSeconds: 86_400,
    policy: policyFor('backup-sharednewa', [base]),
  });
  env.putBackup(OWNER, REGION, {
    id: 'backup-sharedmida',
    clusterId: 'cluster-ownerclusta',
    ageSeconds: 2 * 86_400,
    policy: policyFor('backup-sharedmida', [base]),
  });
  // Not shared with the base account: shared with someone else, not shared, and the base account's own.
  env.putBackup(OWNER, REGION, {
    id: 'backup-elsewherea',
    clusterId: 'cluster-ownerclusta',
    policy: policyFor('backup-elsewherea', ['444455556666']),
  });
  env.putBackup(OWNER, REGION, { id: 'backup-notshareda', clusterId: 'cluster-ownerclusta' });
  env.putBackup(base, REGION, { id: 'backup-ownbackupa', clusterId: 'cluster-baseclusta' });
});
afterAll(() => env.close());

describe('useSharedBackupsQuery', () => {
  it('lists the backups other accounts share with the caller, newest first, each with its owner; not its own nor others’', async () => {
    const { wrapper } = hookHarness(env);
    const result = await renderFanOut(() => useSharedBackupsQuery([REGION, 'us-west-2']), wrapper);
    expect(result.current.errors).toEqual([]);
    expect(result.current.rows.map((r) => [r.backup.BackupId, r.owner, r.region])).toEqual([
      ['backup-sharednewa', OWNER, REGION],
      ['backup-sharedmida', OWNER, REGION],
      ['backup-sharedolda', OWNER, REGION],
    ]);
    expect(result.current.rows[0]!.backup.BackupArn).toBe(backupArn(REGION, OWNER, 'backup-sharednewa'));
    expect(result.current.truncated).toEqual([]);
  });

  it('reads at most its bound per region, newest first, and says where it stopped', async () => {
    const { wrapper, log } = hookHarness(env);
    const result = await renderFanOut(() => useSharedBackupsQuery([REGION], [undefined], 2), wrapper);
    expect(result.current.rows.map((r) => r.backup.BackupId)).toEqual(['backup-sharednewa', 'backup-sharedmida']);
    expect(result.current.truncated).toEqual([{ region: REGION }]);
    const calls = log.of('DescribeBackups');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input).toMatchObject({ Shared: true, SortAscending: false, MaxResults: 2 });
  });
});
