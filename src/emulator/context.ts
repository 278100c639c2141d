import { secondsAfter, WORK_SECONDS } from './clock';
import type { Quotas } from './quotas';
import type { RegionState, Store } from './store';

export interface EmulatorConfig {
  /** The 12-digit account id that owns the state and appears in ARNs. */
  account: string;
  /** Work durations are divided by this (1 = realistic minutes). */
  speed: number;
}

/** Everything an operation needs: the caller's account and region, the time of the request, the store. */
export interface OperationContext {
  readonly store: Store;
  readonly config: EmulatorConfig;
  readonly account: string;
  readonly region: string;
  readonly now: number;
  /** The caller's region state (created on first use). */
  readonly state: RegionState;
  /** The caller's quotas in this region. */
  readonly quotas: Quotas;
  /** Tell the scheduler something new is due (it rescans on the next tick). */
  scheduleChanged(): void;
}

export const workDoneAt = (ctx: { now: number; config: EmulatorConfig }, work: keyof typeof WORK_SECONDS): number =>
  secondsAfter(ctx.now, WORK_SECONDS[work] / ctx.config.speed);
