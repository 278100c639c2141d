/**
 * `npm run emulator -- [flags]`: the CloudHSM V2 emulator alone, for the AWS CLI, boto3, Terraform or an SDK.
 * The emulator's flags are the ones `npm start` takes for its embedded emulator (flags.ts); state lives in
 * memory unless --data names a file. Exit codes: 0 after Ctrl-C, 1 when it cannot start (data file corrupt,
 * in use or not writable; port in use), 2 for bad flags.
 */
import { UsageError } from '../../node/flags';
import { parseEmulatorArgs, USAGE, type CliSettings } from './args';
import { DataFileError } from './dataFileLock';
import { startEmulatorServer } from './server';
import type { AccessKey } from '../sts/principals';

/** "accounts 123456789012, 210987654321" for the start line. */
function accountsOf(keys: readonly AccessKey[], account: string): string {
  const accounts = [...new Set(keys.map((key) => key.account ?? account))];
  return `${accounts.length === 1 ? 'account' : 'accounts'} ${accounts.join(', ')}`;
}

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let settings: CliSettings | null;
  try {
    settings = parseEmulatorArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) fail(error.message);
    throw error;
  }
  if (settings === null) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const log = (message: string): void => {
    process.stderr.write(`emulator: ${message}\n`);
  };
  try {
    const running = await startEmulatorServer({ ...settings, log });
    const shutdown = (): void => {
      void running.close().then(() => process.exit(0));
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    const { account, speed } = running.emulator.config;
    const where = `${settings.dataFile ? `data ${settings.dataFile}` : 'in memory'}${settings.latencyMs ? `, latency ${settings.latencyMs} ms` : ''}`;
    process.stdout.write(
      `CloudHSM V2 emulator listening on ${running.url} (account ${account}, seed ${settings.seed}, speed ${speed}, ${where}${settings.credentials ? `, SigV4 required (${accountsOf(settings.credentials, account)})` : ''})\n`,
    );
  } catch (error) {
    // The data file cannot be used (corrupt, in use, folder not writable): one line, no usage, no stack.
    if (error instanceof DataFileError) {
      process.stderr.write(`emulator: ${error.message}\n`);
      process.exit(1);
    }
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') fail(`port ${settings.port} is already in use`);
    throw error;
  }
}

void main();
