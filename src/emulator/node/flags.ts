/**
 * The emulator's flags, one definition for both programs that run it: `npm run emulator` (the emulator alone)
 * and `npm start` (the dashboard with the emulator embedded). Same names, meaning and checks in both; only
 * the defaults differ, and each program gives its own (speed, where the data lives).
 */
import { clip } from '../../cloudhsm/clip';
import { isAccountId } from '../../cloudhsm/ids';
import { count, givenFlags, positiveNumber, UsageError, type FlagDefinitions, type FlagValues } from '../../node/flags';
import { DEFAULT_ACCOUNT } from '../emulator';
import { DEFAULT_QUOTAS, type Quotas } from '../quotas';
import { DEFAULT_PRINCIPAL_NAME, isPrincipalName } from '../sts/identity';
import { isSeedName, LARGE_DEFAULTS, type LargeSeedOptions, type SeedName } from '../seed';

export const EMULATOR_FLAGS = {
  seed: { type: 'string' },
  speed: { type: 'string' },
  data: { type: 'string' },
  'in-memory': { type: 'boolean' },
  fresh: { type: 'boolean' },
  latency: { type: 'string' },
  account: { type: 'string' },
  'principal-name': { type: 'string' },
  'large-clusters': { type: 'string' },
  'large-backups': { type: 'string' },
  quota: { type: 'string' },
} as const satisfies FlagDefinitions;

export type EmulatorFlagValues = FlagValues<typeof EMULATOR_FLAGS>;
export const EMULATOR_FLAG_NAMES = Object.keys(EMULATOR_FLAGS) as (keyof typeof EMULATOR_FLAGS)[];

/** A program's defaults: its speed, and its data file (none: memory). */
export interface EmulatorDefaults {
  speed: number;
  dataFile?: string;
}

export interface EmulatorSettings {
  seed: SeedName;
  speed: number;
  /** Absent: state lives in memory only. */
  dataFile?: string;
  /** Move the data file aside and start from the seed. */
  fresh?: boolean;
  account?: string;
  /** The IAM user STS GetCallerIdentity names (default DEFAULT_PRINCIPAL_NAME). */
  principalName?: string;
  /** Sizes of the large seed, those given. */
  large?: LargeSeedOptions;
  /** Milliseconds every API answer waits, as a round trip to a real region would (benchmarks). */
  latencyMs?: number;
  /** --quota: clusters and HSMs per account and region, the parts given. */
  quotas?: Partial<Quotas>;
}

/** Where the state lives: --in-memory (no file), --data FILE, or the program's default. */
function readDataFlags(values: EmulatorFlagValues, defaults: EmulatorDefaults): Pick<EmulatorSettings, 'dataFile' | 'fresh'> {
  if (values['in-memory']) {
    if (values.data !== undefined || values.fresh) throw new UsageError('--in-memory keeps no data file: leave out --data and --fresh');
    return {};
  }
  if (values.data === '') throw new UsageError('--data needs a file name');
  const dataFile = values.data ?? defaults.dataFile;
  if (dataFile === undefined) {
    if (values.fresh) throw new UsageError('--fresh starts a data file over: name it with --data FILE');
    return {};
  }
  return { dataFile, fresh: values.fresh ?? false };
}

function readLargeFlags(values: EmulatorFlagValues): LargeSeedOptions | undefined {
  const large: LargeSeedOptions = {};
  if (values['large-clusters'] !== undefined) large.clusters = count('large-clusters', values['large-clusters']);
  if (values['large-backups'] !== undefined) large.backups = count('large-backups', values['large-backups']);
  return Object.keys(large).length > 0 ? large : undefined;
}

/** `--quota clusters=N,hsms=N`: either part, each once, positive integers. */
export function readQuotaFlag(text: string): Partial<Quotas> {
  const quotas: Partial<Quotas> = {};
  for (const part of text.split(',')) {
    const [name = '', value, ...rest] = part.trim().split('=');
    if (name !== 'clusters' && name !== 'hsms')
      throw new UsageError(`--quota takes clusters=N and hsms=N, separated by a comma, got "${clip(part)}"`);
    if (quotas[name] !== undefined) throw new UsageError(`--quota names ${name} twice`);
    if (value === undefined || rest.length > 0 || !/^\d+$/.test(value) || !(Number(value) > 0) || !Number.isSafeInteger(Number(value)))
      throw new UsageError(`--quota ${name} must be a positive whole number, got "${clip(value ?? '')}"`);
    quotas[name] = Number(value);
  }
  return quotas;
}

/** The settings the flags ask for, or a UsageError. */
export function readEmulatorFlags(values: EmulatorFlagValues, defaults: EmulatorDefaults): EmulatorSettings {
  const seed = values.seed ?? 'demo';
  if (!isSeedName(seed)) throw new UsageError(`--seed must be demo, empty or large, got "${seed}"`);
  const settings: EmulatorSettings = {
    seed,
    speed: values.speed === undefined ? defaults.speed : positiveNumber('speed', values.speed),
    ...readDataFlags(values, defaults),
  };
  if (values.account !== undefined) {
    if (!isAccountId(values.account)) throw new UsageError(`--account must be 12 digits, got "${values.account}"`);
    settings.account = values.account;
  }
  const principalName = values['principal-name'];
  if (principalName !== undefined) {
    if (!isPrincipalName(principalName))
      throw new UsageError(`--principal-name must be an IAM user name (1 to 64 of letters, digits and +=,.@_-), got "${principalName}"`);
    settings.principalName = principalName;
  }
  const large = readLargeFlags(values);
  if (large) settings.large = large;
  if (values.latency !== undefined) settings.latencyMs = count('latency', values.latency);
  if (values.quota !== undefined) settings.quotas = readQuotaFlag(values.quota);
  return settings;
}

/** The emulator flags given (for "X only applies to the emulator"). */
export const givenEmulatorFlags = (values: EmulatorFlagValues): string[] => givenFlags(values, EMULATOR_FLAG_NAMES);

/** Their usage lines, with the program's defaults. */
export function emulatorFlagsUsage(defaults: EmulatorDefaults): string {
  return [
    '  --seed demo|empty|large  data to start with when there is no data file (default demo)',
    `  --speed N                emulator work (create, initialize, copy, delete) runs N times faster than AWS (default ${defaults.speed})`,
    `  --data FILE              keep the state in FILE (default ${defaults.dataFile ?? 'none: in memory'}); every acknowledged`,
    '                           change is on disk, the folder is created, FILE.lock keeps a second process off it',
    `  --in-memory              keep no data file${defaults.dataFile === undefined ? ' (the default)' : ''}`,
    '  --fresh                  move the data file aside (to FILE.<time>.bak) and start from the seed',
    `  --account ID             12-digit id of the emulated account (default ${DEFAULT_ACCOUNT})`,
    `  --principal-name NAME    the IAM user STS GetCallerIdentity answers with: arn:aws:iam::<account>:user/NAME (default ${DEFAULT_PRINCIPAL_NAME})`,
    `  --large-clusters N       clusters in the large seed (default ${LARGE_DEFAULTS.clusters})`,
    `  --large-backups N        backups in the large seed (default ${LARGE_DEFAULTS.backups})`,
    '  --latency MS             every API answer waits MS milliseconds, as a round trip to a real region would (default 0)',
    `  --quota clusters=N,hsms=N  clusters and HSMs per account and region, either part (default ${DEFAULT_QUOTAS.clusters} and ${DEFAULT_QUOTAS.hsms},`,
    "                           AWS's; the demo and large seeds raise their own account's); 28 HSMs per cluster is fixed",
  ].join('\n');
}
