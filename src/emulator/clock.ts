/**
 * The emulator clock: wall-clock time plus an offset that `advance-clock` moves forward. Work (creating,
 * initializing, copying, deleting) is scheduled on it at realistic durations divided by the speed; calendar
 * events (daily backups, the 7-day purge, retention) use it undivided.
 */
/** The epoch-seconds timestamp `seconds` after `at`, with millisecond precision (as `Clock.now` stamps). */
export const secondsAfter = (at: number, seconds: number): number => Math.round((at + seconds) * 1000) / 1000;

export class Clock {
  constructor(
    private readonly offset: () => number,
    private readonly wallMillis: () => number = () => Date.now(),
  ) {}

  /** Epoch seconds with millisecond precision, the way the service stamps resources. */
  now(): number {
    return Math.round(this.wallMillis() + this.offset() * 1000) / 1000;
  }
}

/** Realistic durations of work, in seconds at speed 1 (cloudhsm-api.md §4: "a few minutes" each). */
export const WORK_SECONDS = {
  clusterCreate: 300,
  clusterInitialize: 180,
  clusterDelete: 240,
  hsmCreate: 480,
  hsmDelete: 180,
  backupCreate: 120,
  backupCopy: 300,
  hsmMigration: 1800,
} as const;

export const DAY = 86_400;
export const CALENDAR_SECONDS = {
  /** DeleteBackup keeps a backup restorable this long. */
  backupPurge: 7 * DAY,
  /** At least one backup every 24 hours while a cluster has HSMs. */
  periodicBackup: DAY,
  /** DELETED clusters and backups stay listed this long, then disappear. */
  forgetDeleted: DAY,
  /** How long after an HSM-type migration starts it may be rolled back. */
  migrationRollbackWindow: DAY,
} as const;
