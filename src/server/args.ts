/**
 * Command-line flags of `npm start` / `npm run dev`, checked and turned into DashboardServerOptions. Where it
 * listens and the embedded emulator's flags are the ones `npm run emulator` takes, read by the same code.
 */
import { CLOUDHSM_REGIONS, isCloudHsmRegion } from '../cloudhsm/regions';
import { DEFAULT_RESIDENCY_TAG_KEY } from '../cloudhsm/residency';
import { givenFlags, LISTEN_FLAGS, listenUsage, numberFlag, parseFlags, readListenFlags, UsageError, type FlagValues } from '../node/flags';
import { defaultDataFile } from './emulator/dataDir';
import { roleParts } from './identity';
import { EMULATOR_FLAGS, emulatorFlagsUsage, givenEmulatorFlags, readEmulatorFlags } from './emulator/flags';
import { DEFAULT_PORT, DEFAULT_SPEED, DEFAULT_UPSTREAM_TIMEOUT_MS, ROLE_SESSION_NAME, type DashboardServerOptions } from './options';

export { UsageError } from '../node/flags';

const AWS_FLAGS = {
  aws: { type: 'boolean' },
  profile: { type: 'string' },
  regions: { type: 'string' },
  'endpoint-url': { type: 'string' },
  'sts-endpoint-url': { type: 'string' },
  timeout: { type: 'string' },
  'assume-role': { type: 'string', multiple: true },
  'external-id': { type: 'string' },
  profiles: { type: 'string' },
} as const;
const AWS_ONLY = ['profile', 'regions', 'endpoint-url', 'sts-endpoint-url', 'timeout', 'assume-role', 'external-id', 'profiles'] as const;
const FLAGS = {
  ...LISTEN_FLAGS,
  'read-only': { type: 'boolean' },
  'residency-tag-key': { type: 'string' },
  'poll-seconds': { type: 'string' },
  ...EMULATOR_FLAGS,
  ...AWS_FLAGS,
} as const;
type Values = FlagValues<typeof FLAGS>;

export const USAGE = `Usage: npm start -- [flags]
${listenUsage(DEFAULT_PORT, '; anything else prints a warning')}
  --read-only              refuse every operation that changes something
  --residency-tag-key KEY  the tag that keeps a backup's copies in some regions (default ${DEFAULT_RESIDENCY_TAG_KEY})
  --poll-seconds N         how often the page polls what is changing, 1–60 (default 5; the e2e servers use 2)
 Embedded emulator (the default):
${emulatorFlagsUsage({ speed: DEFAULT_SPEED, dataFile: defaultDataFile() })}
 Real AWS:
  --aws                    use your AWS account instead of the emulator
  --profile NAME           AWS profile (default: AWS_PROFILE or the default credential chain)
  --regions a,b,c          regions shown first (default: the profile's region, else us-east-1)
  --endpoint-url URL       send the signed requests here instead of https://cloudhsmv2.<region>.amazonaws.com
                           (STS GetCallerIdentity, which names the account and caller, goes there too)
  --sts-endpoint-url URL   send STS GetCallerIdentity here instead (default: --endpoint-url, else AWS's STS)
  --timeout SECONDS        give up on an AWS request after this long (default ${DEFAULT_UPSTREAM_TIMEOUT_MS / 1000})
  --assume-role ARN        also show the account of this role, assumed with the credentials above (session name
                           ${ROLE_SESSION_NAME}); repeat it for more accounts
  --external-id ID         the ExternalId every --assume-role passes (when the roles' trust policies ask for one)
  --profiles a,b,c         also show the accounts of these AWS profiles`;

export type ParsedArgs = { help: true } | { help: false; options: DashboardServerOptions };

function readRegions(text: string): string[] {
  const regions = text
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const unknown = regions.filter((r) => !isCloudHsmRegion(r));
  if (regions.length === 0) throw new UsageError('--regions needs at least one region, e.g. --regions us-east-1,eu-west-1');
  if (unknown.length > 0) {
    throw new UsageError(
      `--regions: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a region' : 'are not regions'} with CloudHSM V2 (known: ${CLOUDHSM_REGIONS.join(', ')})`,
    );
  }
  return [...new Set(regions)];
}

function readEndpointUrl(text: string, flag = 'endpoint-url'): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--${flag} must be a URL like http://127.0.0.1:4566, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--${flag} must be an http:// or https:// URL`);
  // The URL is printed and shown in /api/session: it must carry no secret (and a user:password part is not used).
  if (url.username !== '' || url.password !== '') throw new UsageError(`--${flag} must not contain a user name or password`);
  return url.toString();
}

/** A CloudHSM tag key: 1–128 characters of letters, digits, spaces and _ . : / = + - @, not starting with aws:. */
function readTagKey(text: string): string {
  const key = text.trim();
  if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u.test(key) || key.toLowerCase().startsWith('aws:'))
    throw new UsageError(`--residency-tag-key "${text}" is not a tag key (1–128 letters, digits, spaces and _ . : / = + - @; not aws:…)`);
  return key;
}

const PROFILE_NAME = /^[\w.+@-]+$/;

function readRoleArn(text: string): string {
  const arn = text.trim();
  if (roleParts(arn) === null)
    throw new UsageError(`--assume-role "${text}" is not a role ARN like arn:aws:iam::123456789012:role/CloudHsmReadOnly`);
  return arn;
}

/** What AWS accepts as an ExternalId (AssumeRole): 2–1224 of letters, digits and _ + = , . @ : / -. */
function readExternalId(text: string): string {
  if (!/^[\w+=,.@:/-]{2,1224}$/.test(text))
    throw new UsageError('--external-id must be 2–1224 letters, digits or _ + = , . @ : / - (as AWS accepts it)');
  return text;
}

function readProfiles(text: string): string[] {
  const profiles = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (profiles.length === 0) throw new UsageError('--profiles needs at least one profile name, e.g. --profiles payments,workloads');
  const bad = profiles.filter((p) => !PROFILE_NAME.test(p));
  if (bad.length > 0)
    throw new UsageError(
      `--profiles: ${bad.map((p) => `"${p}"`).join(', ')} ${bad.length === 1 ? 'is not a profile name' : 'are not profile names'}`,
    );
  return [...new Set(profiles)];
}

/** --assume-role, --external-id and --profiles: the accounts shown besides the base credentials'. */
function readAccountFlags(values: Values, options: DashboardServerOptions): void {
  const roles = values['assume-role'] ?? [];
  if (roles.length > 0) options.assumeRoles = [...new Set(roles.map(readRoleArn))];
  if (values['external-id'] !== undefined) {
    if (roles.length === 0) throw new UsageError('--external-id goes with --assume-role ARN');
    options.externalId = readExternalId(values['external-id']);
  }
  if (values.profiles !== undefined) options.profiles = readProfiles(values.profiles);
}

/** --aws and the flags that go with it. */
function readAwsFlags(values: Values, options: DashboardServerOptions): DashboardServerOptions {
  const emulatorOnly = givenEmulatorFlags(values);
  if (emulatorOnly.length > 0) throw new UsageError(`${emulatorOnly.join(', ')} only apply to the embedded emulator, not to --aws`);
  options.mode = 'aws';
  if (values.profile !== undefined) {
    if (!PROFILE_NAME.test(values.profile)) throw new UsageError(`--profile "${values.profile}" is not a profile name`);
    options.profile = values.profile;
  }
  if (values.regions !== undefined) options.regions = readRegions(values.regions);
  if (values['endpoint-url'] !== undefined) options.endpointUrl = readEndpointUrl(values['endpoint-url']);
  if (values['sts-endpoint-url'] !== undefined) options.stsEndpointUrl = readEndpointUrl(values['sts-endpoint-url'], 'sts-endpoint-url');
  if (values.timeout !== undefined)
    options.upstreamTimeoutMs = 1000 * numberFlag('timeout', values.timeout, (n) => n > 0 && n <= 600, 'a number of seconds (up to 600)');
  readAccountFlags(values, options);
  return options;
}

export function parseDashboardArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  defaultPort: number = DEFAULT_PORT,
): ParsedArgs {
  const values = parseFlags(argv, FLAGS);
  if (values.help) return { help: true };
  const options: DashboardServerOptions = { ...readListenFlags(values, defaultPort), readOnly: values['read-only'] ?? false };
  if (values['residency-tag-key'] !== undefined) options.residencyTagKey = readTagKey(values['residency-tag-key']);
  if (values['poll-seconds'] !== undefined)
    options.pollSeconds = numberFlag(
      'poll-seconds',
      values['poll-seconds'],
      (n) => Number.isInteger(n) && n >= 1 && n <= 60,
      'a whole number of seconds from 1 to 60',
    );
  if (values.aws) return { help: false, options: readAwsFlags(values, options) };

  const awsOnly = givenFlags(values, AWS_ONLY);
  if (awsOnly.length > 0) throw new UsageError(`${awsOnly.join(', ')} only apply with --aws`);
  options.mode = 'emulator';
  Object.assign(options, readEmulatorFlags(values, { speed: DEFAULT_SPEED, dataFile: defaultDataFile(process.platform, env) }));
  return { help: false, options };
}
