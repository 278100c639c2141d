import { describe, expect, it } from 'vitest';
import { capacityFor, defaultQuota, quotaSource, regionUsage, type QuotaLimits } from './capacity';

const EMULATOR: QuotaLimits = { clusters: 4, hsms: 6, hsmsPerCluster: 28, source: 'emulator' };
const cluster = (State: string, hsmCount: number) => ({ State, Hsms: Array.from({ length: hsmCount }, () => ({})) });

describe('regionUsage', () => {
  it('counts every cluster not DELETED and the HSMs they hold', () => {
    const usage = regionUsage([cluster('ACTIVE', 3), cluster('UNINITIALIZED', 1), cluster('DELETE_IN_PROGRESS', 0), cluster('DELETED', 0)]);
    expect(usage).toEqual({ clusters: 3, hsms: 4 });
  });
});

describe('capacityFor a new cluster', () => {
  it('says the usage under the limit, without a warning', () => {
    const capacity = capacityFor({ region: 'us-east-1', quota: EMULATOR, usage: { clusters: 3, hsms: 5 }, adding: 'cluster' });
    expect(capacity.lines.map((l) => l.text)).toEqual(['3 of 4 clusters in US East (N. Virginia)', 'HSMs: 5 of 6 in the region']);
    expect(capacity.warning).toBeNull();
    expect(capacity.raise).toBeNull();
    expect(capacity.source).toBe('Limits from the emulator.');
  });

  it('at the limit, says AWS will refuse and how to raise it (console, CLI, the emulator flag)', () => {
    const capacity = capacityFor({ region: 'us-east-1', quota: EMULATOR, usage: { clusters: 4, hsms: 2 }, adding: 'cluster' });
    expect(capacity.warning).toBe(
      'This account has 4 of 4 clusters in US East (N. Virginia): AWS will most likely refuse another one, and nothing will be created.',
    );
    expect(capacity.raise?.quota).toBe('Clusters');
    expect(capacity.raise?.consoleUrl).toBe('https://console.aws.amazon.com/servicequotas/home/services/cloudhsm/quotas?region=us-east-1');
    expect(capacity.raise?.cli[1]).toContain('request-service-quota-increase --service-code cloudhsm');
    expect(capacity.raise?.cli[1]).toContain('--desired-value 5 --region us-east-1');
    expect(capacity.raise?.emulatorFlag).toBe('--quota clusters=5');
  });

  it('over the limit says so; Service Quotas limits get no emulator flag', () => {
    const quota: QuotaLimits = { ...EMULATOR, source: 'service-quotas' };
    const capacity = capacityFor({ region: 'us-gov-west-1', quota, usage: { clusters: 5, hsms: 0 }, adding: 'cluster' });
    expect(capacity.warning).toContain('5 of 4 clusters in AWS GovCloud (US-West), over its limit');
    expect(capacity.raise?.emulatorFlag).toBeUndefined();
    expect(capacity.raise?.consoleUrl).toContain('console.amazonaws-us-gov.com');
    expect(capacity.source).toBe('Limits from Service Quotas.');
  });
});

describe('capacityFor another HSM', () => {
  it('says this cluster, the region and the clusters', () => {
    const capacity = capacityFor({ region: 'eu-west-1', quota: EMULATOR, usage: { clusters: 2, hsms: 5 }, adding: 'hsm', clusterHsms: 2 });
    expect(capacity.lines.map((l) => l.text)).toEqual([
      'This cluster: 2 of 28 HSMs',
      'HSMs: 5 of 6 in the region',
      '2 of 4 clusters in Europe (Ireland)',
    ]);
    expect(capacity.warning).toBeNull();
  });

  it('at the region’s HSM limit, warns and offers the raise', () => {
    const capacity = capacityFor({ region: 'eu-west-1', quota: EMULATOR, usage: { clusters: 2, hsms: 6 }, adding: 'hsm', clusterHsms: 3 });
    expect(capacity.warning).toBe(
      'This account has 6 of 6 HSMs in Europe (Ireland): AWS will most likely refuse another one, and nothing will be created.',
    );
    expect(capacity.raise?.quota).toBe('HSMs');
    expect(capacity.raise?.emulatorFlag).toBe('--quota hsms=7');
  });

  it('a full cluster cannot be raised: the 28 is fixed', () => {
    const quota: QuotaLimits = { ...EMULATOR, hsms: 100 };
    const capacity = capacityFor({ region: 'eu-west-1', quota, usage: { clusters: 1, hsms: 28 }, adding: 'hsm', clusterHsms: 28 });
    expect(capacity.warning).toContain('the most a cluster can have: AWS will refuse another one. This limit is fixed');
    expect(capacity.raise).toBeNull();
  });
});

describe('quotaSource', () => {
  it('says AWS’s defaults and why Service Quotas could not be read', () => {
    const quota = defaultQuota('us-east-1', '123456789012', 'the dashboard has no servicequotas:GetServiceQuota permission.');
    expect(quota).toMatchObject({ clusters: 4, hsms: 6, hsmsPerCluster: 28, source: 'aws-default' });
    expect(quotaSource(quota)).toBe(
      'AWS’s default limits: Service Quotas could not be read because the dashboard has no servicequotas:GetServiceQuota permission.',
    );
    expect(quotaSource(defaultQuota('us-east-1', ''))).toBe('AWS’s default limits: Service Quotas could not be read.');
  });
});
