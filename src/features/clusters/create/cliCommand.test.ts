/**
 * The CLI command is checked the way it is used: bash reads it (so shell quoting is tested, not compared
 * with a string), awscli's own shorthand parser reads the structure values, and the real AWS CLI runs it
 * against the emulator. The parts that need bash, python's awscli or `aws` are skipped where absent.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { DescribeClustersCommand, ListTagsCommand } from '@aws-sdk/client-cloudhsm-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateClusterInput, Tag } from '../../../aws';
import type { NetworkInfo } from '../../../aws/actions';
import { startTestBackend, testClients, type TestBackend } from '../../../aws/testing/backend';
import { createClusterCliArgs, createClusterCliCommand, shellQuote, shorthandValue } from './cliCommand';

const run = promisify(execFile);
const HAS_BASH = spawnSync('bash', ['-c', 'true']).status === 0;
const HAS_AWS = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
const HAS_SHORTHAND = spawnSync('python3', ['-c', 'import awscli.shorthand'], { encoding: 'utf8' }).status === 0;

/** The words bash makes of the command (with `aws` replaced by a function that prints its arguments). */
async function bashWords(command: string): Promise<string[]> {
  const { stdout } = await run('bash', ['-c', `aws() { printf '%s\\0' "$@"; }\n${command}`]);
  return stdout.split('\0').slice(0, -1);
}

/** What awscli's shorthand parser makes of each value. */
async function shorthand(values: readonly string[]): Promise<unknown[]> {
  const script =
    'import json, sys\nfrom awscli.shorthand import ShorthandParser\nprint(json.dumps([ShorthandParser().parse(v) for v in sys.argv[1:]]))';
  const { stdout } = await run('python3', ['-c', script, ...values]);
  return JSON.parse(stdout) as unknown[];
}

const NASTY = [
  'plain',
  'two words',
  "it's",
  'say "hi"',
  '$HOME and $(rm -rf /) and `id`',
  'a\\b',
  'ünïcødé 日本語',
  'trailing ',
  ' leading',
  '=starts',
  'a=b,c',
  '',
  '!',
  'new\nline',
];

const input = (tags: Tag[] = []): CreateClusterInput => ({
  HsmType: 'hsm2m.medium',
  SubnetIds: ['subnet-0123456789abcdef0', 'subnet-12345678'],
  Mode: 'NON_FIPS',
  NetworkType: 'DUALSTACK',
  BackupRetentionPolicy: { Type: 'DAYS', Value: '120' },
  SourceBackupId: 'backup-abcdefghijk',
  ...(tags.length > 0 ? { TagList: tags } : {}),
});

describe('createClusterCliCommand', () => {
  it('names every parameter as the AWS CLI spells it, one option per line', () => {
    const command = createClusterCliCommand('eu-west-1', input([{ Key: 'Team', Value: 'payments' }]));
    expect(command).toBe(
      [
        'aws cloudhsmv2 create-cluster',
        '--region eu-west-1',
        '--hsm-type hsm2m.medium',
        '--subnet-ids subnet-0123456789abcdef0 subnet-12345678',
        '--mode NON_FIPS',
        '--network-type DUALSTACK',
        '--backup-retention-policy Type=DAYS,Value=120',
        '--source-backup-id backup-abcdefghijk',
        '--tag-list Key=Team,Value=payments',
      ].join(' \\\n  '),
    );
  });

  it('leaves out what the request leaves out', () => {
    const args = createClusterCliArgs('us-east-1', { HsmType: 'hsm2m.medium', SubnetIds: ['subnet-12345678'] });
    expect(args.map((line) => line[0])).toEqual(['aws', '--region', '--hsm-type', '--subnet-ids']);
  });

  it('quotes for the shell only when needed', () => {
    expect(shellQuote('subnet-12345678')).toBe('subnet-12345678');
    expect(shellQuote('Key=Team,Value=a')).toBe('Key=Team,Value=a');
    expect(shellQuote('two words')).toBe("'two words'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });

  it('writes plain shorthand values bare and quotes the rest', () => {
    expect(shorthandValue('cost-center/a:b@c+d.e_f=g')).toBe('cost-center/a:b@c+d.e_f=g');
    expect(shorthandValue('two words')).toBe('"two words"');
    expect(shorthandValue('=x')).toBe('"=x"');
    expect(shorthandValue('say "hi" \\')).toBe('"say \\"hi\\" \\\\"');
  });

  it.skipIf(!HAS_BASH)('gives bash exactly the intended words, whatever the tags hold', async () => {
    const tags = NASTY.map((text, i) => ({ Key: `k${i} ${text}`, Value: text }));
    const words = await bashWords(createClusterCliCommand('us-east-1', input(tags)));
    const expected = createClusterCliArgs('us-east-1', input(tags)).flat().slice(1);
    expect(words).toEqual(expected);
    // Nothing was expanded or run: the dangerous text arrives as text.
    expect(words.join(' ')).toContain('$(rm -rf /)');
  });

  it.skipIf(!HAS_BASH || !HAS_SHORTHAND)('lets awscli read every tag back exactly (shorthand syntax)', async () => {
    const tags = NASTY.filter((t) => !t.includes('\\')).map((text, i) => ({ Key: `k${i}${text}`, Value: text }));
    const words = await bashWords(createClusterCliCommand('us-east-1', input(tags)));
    const tagArgs = words.slice(words.indexOf('--tag-list') + 1);
    expect(await shorthand(tagArgs)).toEqual(tags);
    const retention = words[words.indexOf('--backup-retention-policy') + 1]!;
    expect(await shorthand([retention])).toEqual([{ Type: 'DAYS', Value: '120' }]);
  });

  it.skipIf(!HAS_BASH)('falls back to JSON for a tag list holding a backslash', async () => {
    const tags = [
      { Key: 'a\\', Value: 'b"c' },
      { Key: 'd', Value: 'e' },
    ];
    const words = await bashWords(createClusterCliCommand('us-east-1', input(tags)));
    const tagArgs = words.slice(words.indexOf('--tag-list') + 1);
    expect(tagArgs).toHaveLength(1);
    expect(JSON.parse(tagArgs[0]!)).toEqual(tags);
  });
});

/** The region's seeded "hsm" subnets (10.0.x.0/24), as the create form lists them (GET /api/network). */
async function seededSubnets(url: string, region: string): Promise<string[]> {
  const info = (await (await fetch(`${url}/api/network?region=${region}`)).json()) as NetworkInfo;
  if (!info.available) throw new Error(`network of ${region} not available: ${info.reason}`);
  return info.subnets.filter((s) => s.CidrBlock?.startsWith('10.0.')).map((s) => s.SubnetId);
}

// Through the dashboard server's /aws/<region> door (its embedded emulator), as any AWS client may use it.
describe.skipIf(!HAS_BASH || !HAS_AWS)('the command run by the AWS CLI against the emulator', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(async () => {
    await backend.close();
  });

  it('creates the cluster the form describes, tags included', async () => {
    const subnets = (await seededSubnets(backend.url, 'us-east-1')).slice(0, 2);
    const tags = [
      { Key: 'Name', Value: 'cli test' },
      { Key: 'Ünïcødé 日本', Value: '=a=b ' },
      { Key: 'path/to:key@x', Value: '+-_.' },
      { Key: 'Empty', Value: '' },
    ];
    const command = createClusterCliCommand('us-east-1', {
      HsmType: 'hsm2m.medium',
      SubnetIds: subnets,
      Mode: 'NON_FIPS',
      NetworkType: 'DUALSTACK',
      BackupRetentionPolicy: { Type: 'DAYS', Value: '45' },
      TagList: tags,
    });
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...(process.env.PYENV_ROOT ? { PYENV_ROOT: process.env.PYENV_ROOT } : {}),
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_MAX_ATTEMPTS: '1',
      AWS_PAGER: '',
    };
    const { stdout } = await run('bash', ['-c', `${command} --endpoint-url ${backend.url}/aws/us-east-1 --output json`], {
      env,
      timeout: 30_000,
    });
    const clusterId = (JSON.parse(stdout) as { Cluster: { ClusterId: string } }).Cluster.ClusterId;

    const client = testClients(backend).clients.forRegion('us-east-1');
    const cluster = (await client.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }))).Clusters?.[0];
    expect(Object.values(cluster?.SubnetMapping ?? {}).sort()).toEqual([...subnets].sort());
    expect(cluster?.BackupRetentionPolicy).toEqual({ Type: 'DAYS', Value: '45' });
    const listed = (await client.send(new ListTagsCommand({ ResourceId: clusterId }))).TagList ?? [];
    expect([...listed].sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? ''))).toEqual(
      [...tags].sort((a, b) => a.Key.localeCompare(b.Key)),
    );
  });
});
