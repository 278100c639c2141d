/** `npm run emulator` flags: where it listens, the emulator's own (flags.ts, shared with `npm start`), --credentials. */
import { LISTEN_FLAGS, listenUsage, parseFlags, readListenFlags, UsageError } from '../../node/flags';
import { clip } from '../../cloudhsm/clip';
import { isAccountId } from '../../cloudhsm/ids';
import type { AccessKey } from '../sts/principals';
import { EMULATOR_FLAGS, emulatorFlagsUsage, readEmulatorFlags, type EmulatorSettings } from './flags';

const DEFAULT_PORT = 4566;
const DEFAULT_SPEED = 1;
const FLAGS = { ...LISTEN_FLAGS, ...EMULATOR_FLAGS, credentials: { type: 'string', multiple: true } } as const;

export const USAGE = `Usage: npm run emulator -- [flags]
${listenUsage(DEFAULT_PORT)}
${emulatorFlagsUsage({ speed: DEFAULT_SPEED })}
  --credentials AKID:SECRET[:ACCOUNT]
                           require requests SigV4-signed with these credentials (signing name cloudhsm; sts for STS),
                           served as ACCOUNT (12 digits, default --account); repeat for more keys and accounts`;

export interface CliSettings extends EmulatorSettings {
  port: number;
  host: string;
  credentials?: AccessKey[];
}

/** `AKID:SECRET[:ACCOUNT]`, each key once (AWS secrets hold no colon, so a third part is the account). */
export function readCredentials(texts: readonly string[]): AccessKey[] {
  const keys: AccessKey[] = [];
  for (const text of texts) {
    const [accessKeyId = '', secretAccessKey = '', account, ...rest] = text.split(':');
    if (!accessKeyId || !secretAccessKey || rest.length > 0 || account === '')
      throw new UsageError(`--credentials must look like AKID:SECRET or AKID:SECRET:ACCOUNT, got "${clip(text.split(':')[0] ?? '')}:…"`);
    if (account !== undefined && !isAccountId(account))
      throw new UsageError(`--credentials ${accessKeyId}: the account must be 12 digits, got "${clip(account)}"`);
    if (keys.some((key) => key.accessKeyId === accessKeyId)) throw new UsageError(`--credentials names ${accessKeyId} twice`);
    keys.push({ accessKeyId, secretAccessKey, ...(account !== undefined && { account }) });
  }
  return keys;
}

/** The settings the flags ask for (null: --help), or a UsageError. */
export function parseEmulatorArgs(argv: readonly string[]): CliSettings | null {
  const values = parseFlags(argv, FLAGS);
  if (values.help) return null;
  const settings: CliSettings = { ...readListenFlags(values, DEFAULT_PORT), ...readEmulatorFlags(values, { speed: DEFAULT_SPEED }) };
  if (values.credentials !== undefined) settings.credentials = readCredentials(values.credentials);
  return settings;
}
