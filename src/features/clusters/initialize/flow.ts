/**
 * Where a cluster stands in the initialize flow, and which step the page marks as current. Pure functions of the
 * cluster (as DescribeClusters returns it) and of what the person has done on the page.
 */
import type { Cluster } from '../../../aws';

export const INIT_STEPS = ['prerequisites', 'download', 'sign', 'provide', 'initialize', 'done'] as const;
export type InitStep = (typeof INIT_STEPS)[number];

export const INIT_STEP_LABELS: Record<InitStep, string> = {
  prerequisites: 'Check the cluster is ready',
  download: 'Download the CSR',
  sign: 'Sign it with your CA',
  provide: 'Provide the certificates',
  initialize: 'Initialize',
  done: 'Activate in the CloudHSM CLI',
};

export type Readiness =
  /** UNINITIALIZED with an ACTIVE HSM and the CSR: the flow can run. */
  | { kind: 'ready' }
  /** Not yet: something must happen first (create an HSM, wait). */
  | { kind: 'waiting'; reason: string; addHsm: boolean }
  /** Initialization was already started or done. */
  | { kind: 'already'; reason: string }
  /** The cluster cannot be initialized any more (being deleted). */
  | { kind: 'impossible'; reason: string };

const ALREADY: Record<string, string> = {
  INITIALIZE_IN_PROGRESS: 'The cluster is being initialized (INITIALIZE_IN_PROGRESS).',
  INITIALIZED: 'The cluster is already initialized (INITIALIZED): what is left is activation in the CloudHSM CLI.',
  ACTIVE: 'The cluster is already initialized and activated (ACTIVE).',
};

/** What the cluster needs before InitializeCluster can be sent (see the API reference: UNINITIALIZED, an ACTIVE HSM, a CSR). */
export function initializeReadiness(cluster: Pick<Cluster, 'State' | 'Hsms' | 'Certificates'>): Readiness {
  const state = cluster.State;
  if (state === 'CREATE_IN_PROGRESS') {
    return {
      kind: 'waiting',
      reason: 'The cluster is still being created (CREATE_IN_PROGRESS). This page follows it; then add an HSM.',
      addHsm: false,
    };
  }
  if (state === 'DELETE_IN_PROGRESS' || state === 'DELETED') {
    return { kind: 'impossible', reason: `The cluster is being deleted (${state}): it cannot be initialized.` };
  }
  if (state !== 'UNINITIALIZED') {
    return {
      kind: 'already',
      reason: ALREADY[state ?? ''] ?? `The cluster was initialized already (it is ${state ?? 'in an unknown state'}).`,
    };
  }
  const hsms = cluster.Hsms ?? [];
  const active = hsms.filter((h) => h.State === 'ACTIVE');
  if (active.length === 0) {
    const creating = hsms.find((h) => h.State === 'CREATE_IN_PROGRESS');
    if (creating) {
      return {
        kind: 'waiting',
        reason: `The cluster's HSM ${creating.HsmId ?? ''} is being created (CREATE_IN_PROGRESS). The CSR appears when it is ACTIVE; this page follows it.`,
        addHsm: false,
      };
    }
    return {
      kind: 'waiting',
      reason:
        hsms.length === 0
          ? 'The cluster has no HSM. Create one HSM first: the cluster CSR appears when the first HSM is ACTIVE.'
          : `The cluster has no ACTIVE HSM (its HSMs are ${hsms.map((h) => `${h.HsmId ?? '?'} ${h.State ?? '?'}`).join(', ')}). The CSR appears when an HSM is ACTIVE.`,
      addHsm: hsms.length === 0,
    };
  }
  if (!cluster.Certificates?.ClusterCsr?.trim()) {
    return { kind: 'waiting', reason: 'The cluster has an ACTIVE HSM but no CSR yet. This page follows it.', addHsm: false };
  }
  return { kind: 'ready' };
}

export interface FlowProgress {
  csrDownloaded: boolean;
  /** At least one of the two certificates was given. */
  certificatesStarted: boolean;
  /** Both given and every check passes. */
  checksPass: boolean;
}

/** The step the page marks as current (aria-current="step"). */
export function currentStep(cluster: Pick<Cluster, 'State' | 'Hsms' | 'Certificates'>, progress: FlowProgress): InitStep {
  const readiness = initializeReadiness(cluster);
  if (cluster.State === 'INITIALIZE_IN_PROGRESS') return 'initialize';
  if (cluster.State === 'INITIALIZED' || cluster.State === 'ACTIVE') return 'done';
  if (readiness.kind !== 'ready') return 'prerequisites';
  if (progress.checksPass) return 'initialize';
  if (progress.certificatesStarted) return 'provide';
  return progress.csrDownloaded ? 'sign' : 'download';
}

/** Download names AWS's documentation uses. */
export const csrFileName = (clusterId: string) => `${clusterId}_ClusterCsr.csr`;
export const signedCertFileName = (clusterId: string) => `${clusterId}_CustomerHsmCertificate.crt`;

/** The OpenSSL commands AWS documents for signing the cluster CSR with your own CA. */
export function signingCommands(clusterId: string): string {
  return [
    '# 1. Your CA: a private key (keep it safe and offline) and a self-signed certificate (the trust anchor)',
    'openssl genrsa -aes256 -out customerCA.key 2048',
    'openssl req -new -x509 -days 3652 -key customerCA.key -out customerCA.crt',
    '',
    '# 2. Sign the cluster CSR with it',
    `openssl x509 -req -days 3652 -in ${csrFileName(clusterId)} -CA customerCA.crt -CAkey customerCA.key -CAcreateserial -out ${signedCertFileName(clusterId)}`,
  ].join('\n');
}

/** A tab of the cluster's page, as a path and query parameters (links add the shown regions). */
export const clusterTabPath = (
  region: string,
  clusterId: string,
  tab: 'hsms' | 'certificates' | 'overview',
): { pathname: string; params: Record<string, string> } => ({
  pathname: `/clusters/${region}/${clusterId}`,
  params: tab === 'overview' ? {} : { tab },
});
