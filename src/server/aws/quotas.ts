/**
 * AWS mode's CloudHSM quotas for `GET /api/quotas`: Service Quotas `ListServiceQuotas` (ServiceCode cloudhsm),
 * signed here with the account's credentials as the CloudHSM calls are, matched by quota name (the quota codes
 * are not documented where we could check them), cached per (account, region). When Service Quotas cannot be
 * asked (no permission, --endpoint-url, an account whose credentials failed) the answer is AWS's documented
 * defaults, said as such in `note`.
 */
import type { QuotaInfo } from '../../cloudhsm/api';
import { defaultQuota } from '../../cloudhsm/capacity';
import { DEFAULT_CLUSTER_QUOTA, DEFAULT_HSM_QUOTA, HSMS_PER_CLUSTER } from '../../cloudhsm/quotas';
import { DashboardApiError } from '../apiErrors';
import { redact } from '../security/redact';
import type { CredentialSource } from './credentials';
import type { createAgents } from './upstream';
import { readErrorBody, sendSigned } from './upstream';
import { readStream } from '../../node/http';

export const QUOTA_CACHE_MS = 10 * 60 * 1000;
/** A failure is asked again sooner: the permission may just have been granted. */
const FAILURE_CACHE_MS = 60 * 1000;
const SERVICE = { signingName: 'servicequotas', targetPrefix: 'ServiceQuotasV20190624.' };
const MAX_QUOTAS_BODY_BYTES = 1024 * 1024;

export interface QuotaLookupOptions {
  /** The account's credentials (undefined: the base); throws DashboardApiError when it has none. */
  credentialsFor: (account: string | undefined) => Promise<CredentialSource>;
  timeoutMs: number;
  /** The backend's connection pools (closed with it). */
  agents: ReturnType<typeof createAgents>;
  /** Set when CloudHSM calls go to --endpoint-url: Service Quotas is not there. */
  endpointUrl?: string;
  /** Where Service Quotas is asked (tests); default its regional endpoint. */
  serviceQuotasEndpoint?: string;
  log: (line: string) => void;
  now?: () => number;
}

interface ListedQuota {
  QuotaName?: string;
  Value?: number;
}

/** The CloudHSM limits among Service Quotas' names ("Clusters", "HSMs", "HSMs per cluster"), by words not codes. */
export function limitsFromQuotas(quotas: readonly ListedQuota[]): Partial<Pick<QuotaInfo, 'clusters' | 'hsms' | 'hsmsPerCluster'>> {
  const found: Partial<Pick<QuotaInfo, 'clusters' | 'hsms' | 'hsmsPerCluster'>> = {};
  for (const { QuotaName: name = '', Value: value } of quotas) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (/\bhsms?\b.*\bper cluster\b/i.test(name)) found.hsmsPerCluster ??= value;
    else if (/\bclusters?\b/i.test(name)) found.clusters ??= value;
    else if (/\bhsms?\b/i.test(name)) found.hsms ??= value;
  }
  return found;
}

const serviceQuotasUrl = (region: string): URL =>
  new URL(`https://servicequotas.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}/`);

const errorTypeOf = (body: Buffer): string => {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const type = parsed['__type'] ?? parsed['code'];
    return typeof type === 'string' ? (type.split('#').pop() ?? type) : '';
  } catch {
    return '';
  }
};

/** One lookup per (account, region) at a time, kept QUOTA_CACHE_MS. */
export function quotaLookup(
  options: QuotaLookupOptions,
): (region: string, accountId: string, account: string | undefined) => Promise<QuotaInfo> {
  const now = options.now ?? Date.now;
  const { agents } = options;
  const cache = new Map<string, { until: number; answer: Promise<QuotaInfo> }>();

  const ask = async (region: string, accountId: string, account: string | undefined): Promise<QuotaInfo> => {
    if (options.endpointUrl && !options.serviceQuotasEndpoint)
      return defaultQuota(
        region,
        accountId,
        `CloudHSM calls go to ${options.endpointUrl} (--endpoint-url), where Service Quotas cannot be asked; showing AWS's defaults.`,
      );
    let credentials: CredentialSource;
    try {
      credentials = await options.credentialsFor(account);
      const identity = await credentials.get();
      const url = options.serviceQuotasEndpoint ? new URL(options.serviceQuotasEndpoint) : serviceQuotasUrl(region);
      const body = Buffer.from(JSON.stringify({ ServiceCode: 'cloudhsm', MaxResults: 100 }));
      const known = { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey, sessionToken: identity.sessionToken };
      const answer = await sendSigned({
        url,
        region,
        operation: 'ListServiceQuotas',
        body,
        identity,
        agents,
        timeoutMs: options.timeoutMs,
        service: SERVICE,
      });
      const status = answer.statusCode ?? 502;
      if (status >= 400) {
        const type = errorTypeOf(await readErrorBody(answer, url.origin, 'ListServiceQuotas'));
        options.log(`Service Quotas in ${region} answered HTTP ${status} ${redact(type, known)}; showing AWS's default CloudHSM quotas`);
        return defaultQuota(
          region,
          accountId,
          /AccessDenied/i.test(type) || status === 403
            ? `No servicequotas:ListServiceQuotas permission${account ? ` in account ${accountId}` : ''}; showing AWS's defaults.`
            : `Service Quotas answered ${type || `HTTP ${status}`}; showing AWS's defaults.`,
        );
      }
      const text = (
        await readStream(answer, MAX_QUOTAS_BODY_BYTES, () => new DashboardApiError('UpstreamAnswerTooLargeException', 502, 'too large'))
      ).toString('utf8');
      const found = limitsFromQuotas((JSON.parse(text) as { Quotas?: ListedQuota[] }).Quotas ?? []);
      const missing = (['clusters', 'hsms'] as const).filter((name) => found[name] === undefined);
      const info: QuotaInfo = {
        region,
        account: accountId,
        clusters: found.clusters ?? DEFAULT_CLUSTER_QUOTA,
        hsms: found.hsms ?? DEFAULT_HSM_QUOTA,
        hsmsPerCluster: found.hsmsPerCluster ?? HSMS_PER_CLUSTER,
        source: 'service-quotas',
      };
      // Service Quotas lists only the quotas with an applied value: the others are at AWS's default.
      if (missing.length > 0) info.note = `Service Quotas lists no applied value for ${missing.join(' or ')}: AWS's default shown.`;
      return info;
    } catch (error) {
      const why = error instanceof DashboardApiError ? error.message : redact(error instanceof Error ? error.message : String(error));
      options.log(`Service Quotas in ${region} could not be asked: ${why}`);
      return defaultQuota(region, accountId, `Service Quotas could not be asked (${why}); showing AWS's defaults.`);
    }
  };

  return (region, accountId, account) => {
    const key = `${account ?? 'base'}|${region}`;
    const hit = cache.get(key);
    if (hit && hit.until > now()) return hit.answer;
    const entry = { until: now() + QUOTA_CACHE_MS, answer: ask(region, accountId, account) };
    cache.set(key, entry);
    void entry.answer.then((info) => {
      if (info.source === 'aws-default' && cache.get(key) === entry) entry.until = now() + FAILURE_CACHE_MS;
    });
    return entry.answer;
  };
}
