/**
 * The CloudHSM V2 emulator core: takes an operation name and a JSON body, answers with the JSON the real
 * service would send, or throws an EmulatorError. Isomorphic: no Node-only imports (the HTTP server,
 * persistence and CLI live in ./node/).
 */
import { Clock } from './clock';
import type { EmulatorConfig, OperationContext } from './context';
import { EmulatorError, invalidRequest, notFound } from './errors';
import { advance } from './lifecycle';
import type { OperationInputs } from './model/inputs';
import { isOperationName, MUTATING_OPERATIONS, type OperationName } from '../cloudhsm/operations';
import { OPERATION_INPUTS } from '../cloudhsm/constraints';
import { validateInput } from './model/validate';
import { listNetwork, seedNetwork } from './network';
import { copyBackupToRegion, deleteBackup, describeBackups, modifyBackupAttributes, restoreBackup } from './operations/backups';
import { createCluster, deleteCluster, describeClusters, initializeCluster, modifyCluster } from './operations/clusters';
import { takeBackup } from './operations/common';
import { createHsm, deleteHsm } from './operations/hsms';
import { deleteResourcePolicy, getResourcePolicy, putResourcePolicy } from './operations/policies';
import { listTags, tagResource, untagResource } from './operations/tags';
import { type Change, emptyRegionState, type RegionState, Store } from './store';
import type { SubnetRecord, VpcRecord } from './types';
import { isCloudHsmRegion } from '../cloudhsm/regions';
import { isAccountId } from '../cloudhsm/ids';
import { HSMS_PER_CLUSTER } from '../cloudhsm/quotas';
import { checkQuotas, DEFAULT_QUOTAS, type QuotaLimits, type Quotas } from './quotas';

type Handler<Op extends OperationName> = (ctx: OperationContext, input: OperationInputs[Op]) => unknown;

const HANDLERS: { [Op in OperationName]: Handler<Op> } = {
  CopyBackupToRegion: copyBackupToRegion,
  CreateCluster: createCluster,
  CreateHsm: createHsm,
  DeleteBackup: deleteBackup,
  DeleteCluster: deleteCluster,
  DeleteHsm: deleteHsm,
  DeleteResourcePolicy: deleteResourcePolicy,
  DescribeBackups: describeBackups,
  DescribeClusters: describeClusters,
  GetResourcePolicy: getResourcePolicy,
  InitializeCluster: initializeCluster,
  ListTags: listTags,
  ModifyBackupAttributes: modifyBackupAttributes,
  ModifyCluster: modifyCluster,
  PutResourcePolicy: putResourcePolicy,
  RestoreBackup: restoreBackup,
  TagResource: tagResource,
  UntagResource: untagResource,
};

export interface EmulatorOptions {
  account?: string;
  speed?: number;
  /** Quotas per account and region for every account (--quota); parts left out are AWS's defaults. */
  quotas?: Partial<Quotas>;
  /** Wall clock in milliseconds (tests may pass their own). */
  wallMillis?: () => number;
}

export interface Caller {
  region: string;
  /** Defaults to the configured account. */
  account?: string;
}

/**
 * Makes a commit durable before the caller gets its answer, or throws (disk full, I/O error). A commit it
 * refuses is undone in memory: the changed records go back to their last committed values.
 */
export type CommitListener = (changes: Change[]) => void;

interface CommitFailure {
  error: unknown;
}

export const DEFAULT_ACCOUNT = '123456789012';
/** One advance-clock call moves at most ten years (timestamps must stay finite numbers). */
export const MAX_CLOCK_ADVANCE_SECONDS = 10 * 365 * 86_400;

export class Emulator {
  readonly store = new Store();
  readonly config: EmulatorConfig;
  readonly clock: Clock;
  private nextDueAt = Number.NEGATIVE_INFINITY;
  /** When the lifecycle last ran (the retention policy needs it, see `advance`). */
  private lastAdvanceAt = Number.NEGATIVE_INFINITY;
  /** Mutations run one at a time (some await key generation or certificate checks). */
  private mutationChain: Promise<unknown> = Promise.resolve();
  private commitListener: CommitListener | null = null;
  /** The parts --quota gave (pinned: a seed does not change them), and what a seed set for its account. */
  private readonly pinnedQuotas: Partial<Quotas>;
  private readonly accountQuotas = new Map<string, Quotas>();

  constructor(options: EmulatorOptions = {}) {
    const account = options.account ?? DEFAULT_ACCOUNT;
    if (!isAccountId(account)) throw new Error(`The account id must be 12 digits, got "${account}".`);
    const speed = options.speed ?? 1;
    if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`The speed must be a positive number, got ${speed}.`);
    this.config = { account, speed };
    this.pinnedQuotas = checkQuotas({ ...options.quotas });
    this.clock = new Clock(() => this.store.clockOffsetSeconds, options.wallMillis);
    this.store.onNewRegion = (state) => seedNetwork(this.store, state);
  }

  /**
   * Called with the changed records after each change, before the caller gets its answer. The state at
   * this call counts as committed (loaded from, or just written to, the listener's file).
   */
  onCommit(listener: CommitListener | null): void {
    this.commitListener = listener;
    this.store.keepCommitted(listener !== null);
  }

  now(): number {
    return this.clock.now();
  }

  /** The quotas every account has unless a seed raised its own: --quota's parts, else AWS's defaults. */
  quotas(): Quotas {
    return { ...DEFAULT_QUOTAS, ...this.pinnedQuotas };
  }

  /** An account's quotas in a region (the same in every region) and the fixed HSMs-per-cluster limit. */
  quotaFor(account: string, region: string): QuotaLimits {
    void region;
    return { ...(this.accountQuotas.get(account) ?? this.quotas()), hsmsPerCluster: HSMS_PER_CLUSTER };
  }

  /** A seed's quotas for its account; parts --quota gave stay as given. */
  setAccountQuotas(account: string, quotas: Quotas): void {
    this.accountQuotas.set(account, { ...checkQuotas(quotas), ...this.pinnedQuotas } as Quotas);
  }

  /**
   * Runs due transitions; cheap when nothing is due. When their commit is refused they are undone and run
   * again on a later tick (the listener reports why): reads go on, answering what is on disk.
   */
  tick(): void {
    this.advanceAndCommit();
  }

  /** Due transitions and their commit: the commit's failure, or null. */
  private advanceAndCommit(): CommitFailure | null {
    const now = this.clock.now();
    if (now < this.nextDueAt) return this.tryCommit();
    const previous = this.lastAdvanceAt;
    this.nextDueAt = advance(this.store, this.config, now, previous);
    this.lastAdvanceAt = now;
    const failure = this.tryCommit();
    if (failure) this.lastAdvanceAt = previous;
    return failure;
  }

  private tryCommit(): CommitFailure | null {
    if (!this.store.hasPendingChanges()) return null;
    const changes = this.store.drain();
    if (!this.commitListener) return null;
    try {
      this.commitListener(changes);
    } catch (error) {
      // Not durable: nothing of it may stay in memory (a read would show what a restart loses, and a later
      // commit would write it unasked). Undone transitions are due again.
      this.store.rollback(changes);
      this.nextDueAt = Number.NEGATIVE_INFINITY;
      return { error };
    }
    this.store.committedChanges(changes);
    return null;
  }

  /** Commits, or throws the listener's error after undoing the changes: the request fails, nothing changed. */
  private commit(): void {
    const failure = this.tryCommit();
    if (failure) throw failure.error;
  }

  /** Reads of a region nobody has used yet see an empty, unregistered state: a read creates nothing. */
  private context(caller: Caller, forRead = false): OperationContext {
    const account = caller.account ?? this.config.account;
    const state = forRead
      ? (this.store.peekRegion(account, caller.region) ?? emptyRegionState(account, caller.region))
      : this.store.region(account, caller.region);
    return {
      store: this.store,
      config: this.config,
      account,
      region: caller.region,
      now: this.clock.now(),
      state,
      quotas: this.quotaFor(account, caller.region),
      scheduleChanged: () => {
        this.nextDueAt = Number.NEGATIVE_INFINITY;
      },
    };
  }

  /** Handles one API call. `body` is the parsed JSON request body. */
  async handle(operation: string, body: unknown, caller: Caller): Promise<unknown> {
    if (!isOperationName(operation)) {
      throw new EmulatorError('UnknownOperationException', `Operation ${operation} is not supported by CloudHSM V2.`);
    }
    // A real client cannot reach a CloudHSM endpoint in a region without one; do not grow state for it.
    if (!isCloudHsmRegion(caller.region)) {
      throw new EmulatorError(
        'UnrecognizedClientException',
        `Region ${caller.region} does not offer CloudHSM; no CloudHSM endpoint exists there.`,
      );
    }
    const input = (body ?? {}) as OperationInputs[OperationName];
    validateInput(OPERATION_INPUTS[operation], input);
    if (!MUTATING_OPERATIONS.has(operation)) {
      // A read never fails for want of disk: it answers from the committed state.
      this.tick();
      const result = (HANDLERS[operation] as Handler<OperationName>)(this.context(caller, true), input);
      this.tryCommit();
      return result;
    }
    const run = async (): Promise<unknown> => {
      this.tick();
      try {
        return await (HANDLERS[operation] as Handler<OperationName>)(this.context(caller), input);
      } finally {
        this.commit();
      }
    };
    const result = this.mutationChain.then(run, run);
    this.mutationChain = result.catch(() => undefined);
    return result;
  }

  // ---- Admin operations (outside the AWS API) ----

  advanceClock(seconds: number): number {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_CLOCK_ADVANCE_SECONDS) {
      throw invalidRequest(`seconds must be a number from 0 to ${MAX_CLOCK_ADVANCE_SECONDS} (ten years).`);
    }
    this.store.setClockOffset(this.store.clockOffsetSeconds + seconds);
    this.nextDueAt = Number.NEGATIVE_INFINITY;
    const failure = this.advanceAndCommit();
    if (failure) throw failure.error;
    return this.clock.now();
  }

  /** What `cluster activate` in the CloudHSM CLI does: INITIALIZED → ACTIVE (and a backup is taken). */
  activateCluster(region: string, clusterId: string): void {
    this.tick();
    const state = this.existingRegion(region);
    const cluster = state?.clusters.get(clusterId);
    if (!state || !cluster) throw notFound(`Cluster ${clusterId} was not found in ${region}.`);
    if (cluster.State !== 'INITIALIZED')
      throw invalidRequest(`Cluster ${clusterId} is ${cluster.State}; only an INITIALIZED cluster can be activated.`);
    cluster.State = 'ACTIVE';
    delete cluster.StateMessage;
    this.store.putCluster(state, cluster);
    if (cluster.Hsms.length > 0) takeBackup(this.store, state, this.config, cluster, this.clock.now(), this.clock.now());
    this.nextDueAt = Number.NEGATIVE_INFINITY;
    this.commit();
  }

  /** Marks an HSM DEGRADED, as the service does when it detects a fault. `recover` makes it ACTIVE again. */
  setHsmHealth(region: string, hsmId: string, health: 'DEGRADED' | 'ACTIVE'): void {
    this.tick();
    const state = this.existingRegion(region);
    for (const cluster of state?.clusters.values() ?? []) {
      const hsm = cluster.Hsms.find((h) => h.HsmId === hsmId);
      if (!hsm) continue;
      if (hsm.State !== 'ACTIVE' && hsm.State !== 'DEGRADED') throw invalidRequest(`HSM ${hsmId} is ${hsm.State}.`);
      hsm.State = health;
      hsm.StateMessage =
        health === 'DEGRADED' ? 'HSM is degraded: the service detected a hardware fault and is replacing it.' : 'HSM created.';
      this.store.putCluster(state!, cluster);
      this.commit();
      return;
    }
    throw notFound(`HSM ${hsmId} was not found in ${region}.`);
  }

  /** A region's state for an admin call: never created by one (a refused call changes nothing). */
  private existingRegion(region: string): RegionState | undefined {
    if (!isCloudHsmRegion(region)) throw invalidRequest(`Region ${region} does not offer CloudHSM.`);
    return this.store.peekRegion(this.config.account, region);
  }

  /** Runs `work` when no mutation is in flight, and holds mutations back until it is done (reset, re-seed). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.mutationChain.then(work, work);
    this.mutationChain = result.catch(() => undefined);
    return result;
  }

  /** The fake EC2 network of an account's region (created on first use); the configured account by default. */
  network(region: string, account = this.config.account): { vpcs: VpcRecord[]; subnets: SubnetRecord[] } {
    if (!isCloudHsmRegion(region)) throw invalidRequest(`Region ${region} does not offer CloudHSM.`);
    return listNetwork(this.store, account, region);
  }

  /** Drops every resource; the caller re-seeds if it wants to. */
  reset(): void {
    this.store.clear();
    this.nextDueAt = Number.NEGATIVE_INFINITY;
    this.lastAdvanceAt = Number.NEGATIVE_INFINITY;
  }

  /** Marks the whole schedule for a rescan (after loading or seeding state). */
  rescheduleAll(): void {
    this.nextDueAt = Number.NEGATIVE_INFINITY;
  }
}
