/**
 * Many accounts end to end: the standalone emulator holding keys of one account and answering STS AssumeRole,
 * the dashboard in AWS mode at it with --assume-role into a second account. Each account sees its own
 * clusters through `/aws/<account>/<region>`; /api/session lists both; a role STS refuses is listed with the
 * reason while the base goes on working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../cloudhsm/api';
import { startEmulatorServer, type RunningEmulator } from '../../emulator/node/server';
import { accountCall, awsCall, jsonOf, rawRequest } from '../testing';
import { awsProxyHarness, CREDENTIALS } from '../testing/awsProxy';

const { proxy, record } = awsProxyHarness();

const BASE = '111122223333';
const SECOND = '444455556666';
const ROLE = `arn:aws:iam::${SECOND}:role/CloudHsmOperator`;
/** A partition the emulator's STS does not know: AssumeRole answers ValidationError. */
const REFUSED_ROLE = 'arn:aws-iso:iam::777788889999:role/Elsewhere';
const SUBNETS = ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'];

const clusterIds = (body: Record<string, unknown>): string[] => (body['Clusters'] as { ClusterId: string }[]).map((c) => c.ClusterId);

describe('--assume-role into a second account of the emulator', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulatorServer({
      port: 0,
      seed: 'empty',
      account: BASE,
      credentials: [{ ...CREDENTIALS, account: BASE }],
      tickMillis: 50,
    });
  });
  afterAll(() => emulator.close());

  it("shows each account's own clusters, and lists both accounts and the refused role in /api/session", async () => {
    const t = await proxy({
      endpointUrl: emulator.url,
      credentials: async () => CREDENTIALS,
      assumeRoles: [ROLE, REFUSED_ROLE],
      regions: ['us-east-1'],
    });

    const inSecond = record(
      await accountCall(t.url, SECOND, 'us-east-1', 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: SUBNETS }),
    );
    expect(inSecond.status).toBe(200);
    const secondCluster = (jsonOf(inSecond)['Cluster'] as { ClusterId: string }).ClusterId;
    const inBase = record(await awsCall(t.url, 'us-east-1', 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: SUBNETS }));
    expect(inBase.status).toBe(200);
    const baseCluster = (jsonOf(inBase)['Cluster'] as { ClusterId: string }).ClusterId;

    expect(clusterIds(jsonOf(record(await accountCall(t.url, SECOND, 'us-east-1', 'DescribeClusters'))))).toEqual([secondCluster]);
    expect(clusterIds(jsonOf(record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'))))).toEqual([baseCluster]);
    expect(clusterIds(jsonOf(record(await accountCall(t.url, BASE, 'us-east-1', 'DescribeClusters'))))).toEqual([baseCluster]);

    const session = jsonOf(record(await rawRequest(`${t.url}/api/session`)));
    expect(session['accountId']).toBe(BASE);
    const accounts = session['accounts'] as AccountInfo[];
    expect(accounts.map(({ id, source, label, error }) => ({ id, source, label, failed: error !== undefined }))).toEqual([
      { id: BASE, source: 'base', label: 'base', failed: false },
      { id: SECOND, source: 'role', label: 'CloudHsmOperator', failed: false },
      { id: '777788889999', source: 'role', label: 'Elsewhere', failed: true },
    ]);
    expect(accounts[1]!.arn).toBe(`arn:aws:sts::${SECOND}:assumed-role/CloudHsmOperator/cloudhsm-dashboard`);
    expect(accounts[2]!.error).toMatch(/^Assuming arn:aws-iso:iam::777788889999:role\/Elsewhere failed: ValidationError: .*is invalid/);

    const refused = record(await accountCall(t.url, '777788889999', 'us-east-1', 'DescribeClusters'));
    expect(refused.status).toBe(502);
    expect(jsonOf(refused)['__type']).toBe('AssumeRoleFailedException');
    expect(record(await awsCall(t.url, 'us-east-1', 'DescribeClusters')).status).toBe(200);
  });
});
