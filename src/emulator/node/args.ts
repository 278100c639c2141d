/** `npm run emulator` flags: where it listens, the emulator's own (flags.ts, shared with `npm start`), --credentials. */
import { LISTEN_FLAGS, listenUsage, parseFlags, readListenFlags, UsageError } from '../../node/flags';
import { EMULATOR_FLAGS, emulatorFlagsUsage, readEmulatorFlags, type EmulatorSettings } from './flags';

const DEFAULT_PORT = 4566;
const DEFAULT_SPEED = 1;
const FLAGS = { ...LISTEN_FLAGS, ...EMULATOR_FLAGS, credentials: { type: 'string' } } as const;

export const USAGE = `Usage: npm run emulator -- [flags]
${listenUsage(DEFAULT_PORT)}
${emulatorFlagsUsage({ speed: DEFAULT_SPEED })}
  --credentials AKID:SECRET  require requests SigV4-signed with these credentials (signing name cloudhsm; sts for STS)`;

export interface CliSettings extends EmulatorSettings {
  port: number;
  host: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** The settings the flags ask for (null: --help), or a UsageError. */
export function parseEmulatorArgs(argv: readonly string[]): CliSettings | null {
  const values = parseFlags(argv, FLAGS);
  if (values.help) return null;
  const settings: CliSettings = { ...readListenFlags(values, DEFAULT_PORT), ...readEmulatorFlags(values, { speed: DEFAULT_SPEED }) };
  if (values.credentials !== undefined) {
    const at = values.credentials.indexOf(':');
    if (at <= 0 || at === values.credentials.length - 1) throw new UsageError('--credentials must look like AKID:SECRET');
    settings.credentials = { accessKeyId: values.credentials.slice(0, at), secretAccessKey: values.credentials.slice(at + 1) };
  }
  return settings;
}
