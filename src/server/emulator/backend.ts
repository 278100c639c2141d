/**
 * Emulator mode: the CloudHSM V2 emulator in this process, seeded with demo data, optionally persisted.
 * One of the server's two doors to the emulator (eslint.config.js, SERVER_EMULATOR_DOORS): the rest of the
 * server knows the emulator only through what this file and flags.ts export.
 */
import type { NetworkInfo, QuotaInfo } from '../../cloudhsm/api';
import { JSON_CONTENT_TYPE } from '../../cloudhsm/protocol';
import type { Emulator } from '../../emulator/emulator';
import { EmulatorError } from '../../emulator/errors';
import { parseRequestBody, startLifecycleTimer, toEmulatorError } from '../../emulator/node/http';
import { createEmulatorState } from '../../emulator/node/state';
import { DEMO_REGIONS, type LargeSeedOptions, type SeedName } from '../../emulator/seed';
import { callerIdentity } from '../../emulator/sts/identity';
import { serializeOutput } from '../../emulator/wire';
import { DashboardApiError } from '../apiErrors';
import type { ApiCall, Backend, BackendAnswer, BackendSession } from '../backend';

// Why a data file cannot be used (for the CLIs, which print it), and the emulator's type (tests drive the
// embedded one through DashboardServer.emulator).
export { DataFileError } from '../../emulator/node/dataFileLock';
export { CorruptDataFileError } from '../../emulator/node/persistence';
export type { Emulator } from '../../emulator/emulator';

export interface EmulatorBackendOptions {
  seed: SeedName;
  large?: LargeSeedOptions;
  speed: number;
  /** Absent: state lives in memory only. */
  dataFile?: string;
  /** Move an existing data file aside and start from the seed. */
  fresh?: boolean;
  account?: string;
  /** The IAM user the emulator's STS identity names (--principal-name). */
  principalName?: string;
  tickMillis?: number;
  /** Milliseconds every API answer waits (--latency), as a round trip to a real region would. */
  latencyMs?: number;
  /** Quotas for every account and region (--quota); parts left out are AWS's defaults. */
  quotas?: { clusters?: number; hsms?: number };
  log: (line: string) => void;
}

export interface EmulatorBackend extends Backend {
  readonly emulator: Emulator;
}

function answer(status: number, body: Uint8Array | string, requestId: string, errorType?: string): BackendAnswer {
  const headers: Record<string, string> = { 'Content-Type': JSON_CONTENT_TYPE, 'x-amzn-RequestId': requestId };
  if (errorType) headers['x-amzn-ErrorType'] = errorType;
  return { status, headers, body: Buffer.from(body) };
}

/** A region's network as the emulator has it (EC2-like records; the default VPC is the 172.31.0.0/16 one, as in AWS). */
function emulatorNetwork(region: string, listed: ReturnType<Emulator['network']>): NetworkInfo {
  return {
    available: true,
    region,
    vpcs: listed.vpcs.map((vpc) => ({ VpcId: vpc.VpcId, CidrBlock: vpc.CidrBlock, IsDefault: vpc.CidrBlock === '172.31.0.0/16' })),
    subnets: listed.subnets.map(({ SubnetId, VpcId, AvailabilityZone, CidrBlock }) => ({ SubnetId, VpcId, AvailabilityZone, CidrBlock })),
  };
}

/**
 * Show the regions that hold clusters (a fresh or empty emulator shows the demo three), and the identity the
 * emulator's STS GetCallerIdentity gives, so the header reads as it does against the standalone emulator.
 */
function sessionOf(emulator: Emulator, principalName: string | undefined): BackendSession {
  const used = new Set<string>();
  for (const state of emulator.store.allRegions()) {
    if (state.account === emulator.config.account && state.clusters.size > 0) used.add(state.region);
  }
  const regions = used.size > 0 ? [...used].sort() : [...DEMO_REGIONS];
  const { Account, Arn } = callerIdentity(emulator.config.account, principalName);
  return { regions, accountId: Account, arn: Arn, accounts: [{ id: Account, label: 'base', source: 'base', arn: Arn }] };
}

/** The limits the emulator enforces in its account and region (--quota, a seed's own, else AWS's defaults). */
function emulatorQuotas(emulator: Emulator, region: string): QuotaInfo {
  const account = emulator.config.account;
  return { region, account, ...emulator.quotaFor(account, region), source: 'emulator' };
}

export async function createEmulatorBackend(options: EmulatorBackendOptions): Promise<EmulatorBackend> {
  const { log } = options;
  // Throws DataFileError (folder, lock, CorruptDataFileError naming the file); the CLI turns it into advice.
  const { emulator, dataFile } = await createEmulatorState(options);
  const stopTimer = startLifecycleTimer(emulator, options.tickMillis ?? 1000, log);

  const call = async ({ region, operation, body, requestId }: ApiCall): Promise<BackendAnswer> => {
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    try {
      const output = await emulator.handle(operation, parseRequestBody(body), { region });
      return answer(200, serializeOutput(output), requestId);
    } catch (error) {
      const typed = toEmulatorError(error);
      if (!(error instanceof EmulatorError))
        log(`emulator internal error in ${operation}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return answer(typed.status, JSON.stringify({ __type: typed.type, message: typed.message }), requestId, typed.type);
    }
  };

  const activateCluster = async (region: string, clusterId: string): Promise<void> => {
    try {
      emulator.activateCluster(region, clusterId);
    } catch (error) {
      // The emulator's refusal, typed for the route: it answers with the type, status and message.
      const typed = toEmulatorError(error);
      throw new DashboardApiError(typed.type, typed.status, typed.message);
    }
  };

  return {
    mode: 'emulator',
    emulator,
    call,
    session: async () => sessionOf(emulator, options.principalName),
    network: async (region) => emulatorNetwork(region, emulator.network(region)),
    // One account: the emulator's (its other accounts' state is reached through the standalone emulator's keys).
    accountIds: async () => ({ base: emulator.config.account, others: [] }),
    quotas: async (region) => emulatorQuotas(emulator, region),
    activateCluster,
    close: async () => {
      stopTimer();
      dataFile?.close();
    },
  };
}
