/**
 * `npm run emulator -- [--port 4566] [--host 127.0.0.1] [--seed demo|empty|large] [--data FILE] [--speed N]
 *   [--account 123456789012] [--credentials AKID:SECRET] [--large-clusters N] [--large-backups N]`
 */
import { parseArgs } from 'node:util';
import type { SeedName } from '../seed';
import { DataFileError } from './dataFileLock';
import { startEmulatorServer } from './server';

const USAGE = `Usage: npm run emulator -- [options]
  --port N                 port to listen on (default 4566; 0 picks a free one)
  --host ADDR              address to bind (default 127.0.0.1)
  --seed demo|empty|large  initial data when there is no data file (default demo)
  --data FILE              keep state in FILE (every acknowledged change is on disk; its folder is created;
                           FILE.lock keeps a second process off it); memory only without it
  --speed N                divide the duration of work (create, initialize, copy, delete) by N (default 1)
  --account ID             12-digit account id of the emulated account (default 123456789012)
  --credentials AKID:SECRET  require requests SigV4-signed with these credentials (service name cloudhsm)
  --large-clusters N       clusters in the large seed (default 1000)
  --large-backups N        backups in the large seed (default 20000)
  --help                   show this help`;

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function positiveNumber(name: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)) || (!integer && n === 0)) fail(`--${name} must be a ${integer ? 'non-negative integer' : 'positive number'}, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        data: { type: 'string' },
        speed: { type: 'string' },
        account: { type: 'string' },
        credentials: { type: 'string' },
        'large-clusters': { type: 'string' },
        'large-backups': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const seed = values.seed ?? 'demo';
  if (!['demo', 'empty', 'large'].includes(seed)) fail(`--seed must be demo, empty or large, got "${seed}"`);
  const port = positiveNumber('port', values.port, true);
  if (port !== undefined && port > 65535) fail(`--port must be at most 65535`);
  const account = values.account ?? '123456789012';
  if (!/^\d{12}$/.test(account)) fail(`--account must be 12 digits, got "${account}"`);
  let credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  if (values.credentials !== undefined) {
    const at = values.credentials.indexOf(':');
    if (at <= 0 || at === values.credentials.length - 1) fail('--credentials must look like AKID:SECRET');
    credentials = { accessKeyId: values.credentials.slice(0, at), secretAccessKey: values.credentials.slice(at + 1) };
  }
  const large = {
    clusters: positiveNumber('large-clusters', values['large-clusters'], true),
    backups: positiveNumber('large-backups', values['large-backups'], true),
  };
  try {
    const running = await startEmulatorServer({
      port: port ?? 4566,
      host: values.host ?? '127.0.0.1',
      seed: seed as SeedName,
      large: { ...(large.clusters !== undefined && { clusters: large.clusters }), ...(large.backups !== undefined && { backups: large.backups }) },
      dataFile: values.data,
      speed: positiveNumber('speed', values.speed, false),
      account,
      credentials,
      log: (message) => process.stderr.write(`emulator: ${message}\n`),
    });
    const shutdown = () => {
      void running.close().then(() => process.exit(0));
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    process.stdout.write(
      `CloudHSM V2 emulator listening on ${running.url} (account ${account}, seed ${seed}, speed ${running.emulator.config.speed}${values.data ? `, data ${values.data}` : ', in memory'}${credentials ? ', SigV4 required' : ''})\n`,
    );
  } catch (error) {
    // The data file cannot be used (corrupt, in use, folder not writable): one line, no usage, no stack.
    if (error instanceof DataFileError) {
      process.stderr.write(`emulator: ${error.message}\n`);
      process.exit(1);
    }
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') fail(`port ${port ?? 4566} is already in use`);
    throw error;
  }
}

void main();
