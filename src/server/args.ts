/** Command-line flags of `npm start` / `npm run dev`, checked and turned into DashboardServerOptions. */
import { parseArgs } from 'node:util';
import { CLOUDHSM_REGIONS, isCloudHsmRegion } from '../cloudhsm/regions';
import { defaultDataFile } from './emulator/dataDir';
import { isSeedName } from './emulator/backend';
import { DEFAULT_PORT, DEFAULT_SPEED, DEFAULT_UPSTREAM_TIMEOUT_MS, type DashboardServerOptions } from './options';

export const USAGE = `Usage: npm start -- [flags]
  --port N               port of the dashboard (default ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDR            address to bind (default 127.0.0.1; anything else prints a warning)
  --read-only            refuse every operation that changes something
 Embedded emulator (the default):
  --seed demo|empty|large  data to start with when there is no data file (default demo)
  --speed N              emulator work runs N times faster than AWS (default ${DEFAULT_SPEED})
  --data FILE            keep the emulator state in FILE (default ${defaultDataFile()})
  --fresh                move the data file aside (to FILE.<time>.bak) and start from the seed
  --in-memory            keep no data file at all
 Real AWS:
  --aws                  use your AWS account instead of the emulator
  --profile NAME         AWS profile (default: AWS_PROFILE or the default credential chain)
  --regions a,b,c        regions shown first (default: the profile's region, else us-east-1)
  --endpoint-url URL     send the signed requests here instead of https://cloudhsmv2.<region>.amazonaws.com
  --timeout SECONDS      give up on an AWS request after this long (default ${DEFAULT_UPSTREAM_TIMEOUT_MS / 1000})`;

export class UsageError extends Error {}

export type ParsedArgs = { help: true } | { help: false; options: DashboardServerOptions };

function number(name: string, text: string, check: (n: number) => boolean, what: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} must be ${what}, got "${text}"`);
  return n;
}

export function parseDashboardArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, defaultPort: number = DEFAULT_PORT): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'read-only': { type: 'boolean' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        data: { type: 'string' },
        fresh: { type: 'boolean' },
        'in-memory': { type: 'boolean' },
        aws: { type: 'boolean' },
        profile: { type: 'string' },
        regions: { type: 'string' },
        'endpoint-url': { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };

  const options: DashboardServerOptions = {
    port: values.port === undefined ? defaultPort : number('port', values.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a port number (0-65535)'),
    host: values.host ?? '127.0.0.1',
    readOnly: values['read-only'] ?? false,
  };
  if (options.host === '') throw new UsageError('--host must not be empty');

  const awsOnly = (['profile', 'regions', 'endpoint-url', 'timeout'] as const).filter((flag) => values[flag] !== undefined);
  const emulatorOnly = (['seed', 'speed', 'data', 'fresh', 'in-memory'] as const).filter((flag) => values[flag] !== undefined);

  if (values.aws) {
    if (emulatorOnly.length > 0) throw new UsageError(`${emulatorOnly.map((f) => `--${f}`).join(', ')} only apply to the embedded emulator, not to --aws`);
    options.mode = 'aws';
    if (values.profile !== undefined) {
      if (!/^[\w.+@-]+$/.test(values.profile)) throw new UsageError(`--profile "${values.profile}" is not a profile name`);
      options.profile = values.profile;
    }
    if (values.regions !== undefined) {
      const regions = values.regions.split(',').map((r) => r.trim()).filter((r) => r !== '');
      const unknown = regions.filter((r) => !isCloudHsmRegion(r));
      if (regions.length === 0) throw new UsageError('--regions needs at least one region, e.g. --regions us-east-1,eu-west-1');
      if (unknown.length > 0) throw new UsageError(`--regions: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a region' : 'are not regions'} with CloudHSM V2 (known: ${CLOUDHSM_REGIONS.join(', ')})`);
      options.regions = [...new Set(regions)];
    }
    if (values['endpoint-url'] !== undefined) {
      let url: URL;
      try {
        url = new URL(values['endpoint-url']);
      } catch {
        throw new UsageError(`--endpoint-url must be a URL like http://127.0.0.1:4566, got "${values['endpoint-url']}"`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('--endpoint-url must be an http:// or https:// URL');
      // The URL is printed and shown in /api/session: it must carry no secret (and a user:password part is not used).
      if (url.username !== '' || url.password !== '') throw new UsageError('--endpoint-url must not contain a user name or password');
      options.endpointUrl = url.toString();
    }
    if (values.timeout !== undefined) options.upstreamTimeoutMs = 1000 * number('timeout', values.timeout, (n) => n > 0 && n <= 600, 'a number of seconds (up to 600)');
    return { help: false, options };
  }

  if (awsOnly.length > 0) throw new UsageError(`${awsOnly.map((f) => `--${f}`).join(', ')} only apply with --aws`);
  options.mode = 'emulator';
  const seed = values.seed ?? 'demo';
  if (!isSeedName(seed)) throw new UsageError(`--seed must be demo, empty or large, got "${seed}"`);
  options.seed = seed;
  options.speed = values.speed === undefined ? DEFAULT_SPEED : number('speed', values.speed, (n) => n > 0, 'a positive number');
  if (values['in-memory']) {
    if (values.data !== undefined || values.fresh) throw new UsageError('--in-memory keeps no data file: leave out --data and --fresh');
  } else {
    if (values.data === '') throw new UsageError('--data needs a file name');
    options.dataFile = values.data ?? defaultDataFile(process.platform, env);
    options.fresh = values.fresh ?? false;
  }
  return { help: false, options };
}
