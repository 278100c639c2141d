/**
 * The CLI as a user runs it (a child process): flags, where the data file goes, --fresh, a corrupt data
 * file, the bind address, and --aws with the real credential provider chain reading environment variables.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type RunningEmulator } from '../emulator/node/server';
import { awsCall, jsonOf, rawRequest } from './testing';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'src', 'server', 'main.ts');

interface Cli {
  url: string;
  stderr(): string;
  stop(): Promise<number | null>;
}

interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], NODE_NO_WARNINGS: '1', ...extra };
  return env;
}

/** Runs the CLI to completion (for flags and start-up failures). */
function runToExit(args: string[], env: Record<string, string> = {}): Promise<Exited> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, env: baseEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts the CLI and waits for its "CloudHSM dashboard on <url>" line. */
function startCli(args: string[], env: Record<string, string> = {}): Promise<Cli> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', ...args], { cwd: ROOT, env: baseEnv(env) });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /CloudHSM dashboard on (http:\/\/\S+)/.exec(stdout);
      if (match) {
        resolve({
          url: match[1]!,
          stderr: () => stderr,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`the CLI exited (${code}) before it was ready:\n${stdout}\n${stderr}`)));
  });
}

const SUBNETS = ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'];

async function clusterIds(url: string): Promise<string[]> {
  const clusters = jsonOf(await awsCall(url, 'us-east-1', 'DescribeClusters'))['Clusters'] as { ClusterId: string }[];
  return clusters.map((c) => c.ClusterId);
}

describe('the emulator data file', () => {
  const home = mkdtempSync(join(tmpdir(), 'dashboard-home-'));
  const env = { HOME: home, XDG_DATA_HOME: join(home, 'xdg-data') };
  const defaultFile = join(home, 'xdg-data', 'cloudhsm-dashboard', 'emulator.jsonl');

  it('defaults to $XDG_DATA_HOME/cloudhsm-dashboard/emulator.jsonl, survives a restart, and --fresh starts over keeping the old file', async () => {
    const first = await startCli(['--seed', 'empty'], env);
    const created = jsonOf(await awsCall(first.url, 'us-east-1', 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: SUBNETS }));
    const id = (created['Cluster'] as { ClusterId: string }).ClusterId;
    expect(await first.stop()).toBe(0);
    expect(existsSync(defaultFile)).toBe(true);

    const second = await startCli(['--seed', 'empty'], env);
    expect(await clusterIds(second.url)).toEqual([id]);
    expect(second.stderr()).toContain(`Loaded emulator state from ${defaultFile}`);
    await second.stop();

    const fresh = await startCli(['--seed', 'empty', '--fresh'], env);
    expect(await clusterIds(fresh.url)).toEqual([]);
    const backups = readdirSync(join(home, 'xdg-data', 'cloudhsm-dashboard')).filter((name) => name.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(fresh.stderr()).toContain(
      `--fresh: moved the previous emulator state to ${join(home, 'xdg-data', 'cloudhsm-dashboard', backups[0]!)}`,
    );
    expect(readFileSync(join(home, 'xdg-data', 'cloudhsm-dashboard', backups[0]!), 'utf8')).toContain(id);
    await fresh.stop();
  });

  it('--data FILE keeps the state there (creating its folder)', async () => {
    const file = join(home, 'elsewhere', 'nested', 'state.jsonl');
    const cli = await startCli(['--seed', 'empty', '--data', file], env);
    await awsCall(cli.url, 'eu-west-1', 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: SUBNETS });
    await cli.stop();
    expect(readFileSync(file, 'utf8')).toMatch(/^\{"format":"cloudhsm-v2-emulator"/);
    expect(readFileSync(file, 'utf8')).toContain('eu-west-1');
  });

  it('a corrupt data file: exit code 1, a message naming the file and --fresh, and the file left alone', async () => {
    const file = join(home, 'corrupt', 'emulator.jsonl');
    mkdirSync(join(home, 'corrupt'));
    writeFileSync(file, 'this is not an emulator data file\nat all\n');
    const result = await runToExit(['--port', '0', '--data', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The emulator data file ${file} is corrupt`);
    expect(result.stderr).toContain('--fresh');
    expect(result.stdout).not.toContain('CloudHSM dashboard on');
    expect(readFileSync(file, 'utf8')).toBe('this is not an emulator data file\nat all\n');
  });

  it('--in-memory writes no file', async () => {
    const inMemoryHome = mkdtempSync(join(tmpdir(), 'dashboard-home-'));
    const cli = await startCli(['--seed', 'empty', '--in-memory'], { HOME: inMemoryHome, XDG_DATA_HOME: join(inMemoryHome, 'data') });
    await awsCall(cli.url, 'us-east-1', 'DescribeClusters');
    await cli.stop();
    expect(existsSync(join(inMemoryHome, 'data'))).toBe(false);
  });
});

describe('flags', () => {
  it('bad flags exit with code 2 and say what is wrong', async () => {
    const cases: [string[], RegExp][] = [
      [['--seed', 'nope'], /--seed must be demo, empty or large, got "nope"/],
      [['--profile', 'prod'], /--profile only apply with --aws/],
      [['--aws', '--seed', 'demo'], /--seed only apply to the embedded emulator/],
      [['--aws', '--regions', 'us-east-1,mars-north-1'], /mars-north-1 is not a region with CloudHSM V2/],
      [['--port', '70000'], /--port must be a port number/],
      [['--aws', '--endpoint-url', 'ftp://x'], /--endpoint-url must be an http/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
    ];
    const results = await Promise.all(cases.map(([args]) => runToExit(args)));
    results.forEach((result, i) => {
      expect(result.code, cases[i]![0].join(' ')).toBe(2);
      expect(result.stderr).toMatch(cases[i]![1]);
      expect(result.stderr).toContain('Usage: npm start');
    });
  });

  it('--help prints every flag', async () => {
    const result = await runToExit(['--help']);
    expect(result.code).toBe(0);
    for (const flag of [
      '--port',
      '--host',
      '--read-only',
      '--seed',
      '--speed',
      '--data',
      '--fresh',
      '--aws',
      '--profile',
      '--regions',
      '--endpoint-url',
    ])
      expect(result.stdout).toContain(flag);
  });
});

describe('bind address', () => {
  const lanAddress = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

  it('listens on loopback only by default', async () => {
    const cli = await startCli(['--seed', 'empty', '--in-memory']);
    try {
      expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cli.stderr()).not.toContain('warning');
      if (lanAddress) {
        const port = new URL(cli.url).port;
        await expect(rawRequest(`http://${lanAddress}:${port}/api/session`)).rejects.toThrow(/ECONNREFUSED/);
      }
    } finally {
      await cli.stop();
    }
  });

  it.skipIf(!lanAddress)("--host 0.0.0.0 warns, and answers on this machine's own addresses only", async () => {
    const cli = await startCli(['--seed', 'empty', '--in-memory', '--host', '0.0.0.0']);
    try {
      expect(cli.stderr()).toMatch(/warning: listening on 0\.0\.0\.0, not loopback/);
      const port = new URL(cli.url).port;
      expect((await rawRequest(`http://${lanAddress!}:${port}/api/session`)).status).toBe(200);
      expect((await rawRequest(`http://${lanAddress!}:${port}/api/session`, { headers: { Host: `rebind.example:${port}` } })).status).toBe(
        421,
      );
    } finally {
      await cli.stop();
    }
  });
});

describe('--aws with the real credential provider chain', () => {
  const credentials = { accessKeyId: 'AKIACLITEST000000001', secretAccessKey: 'cli-test-secret/0123456789+abcdefghijklmnop' };
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulatorServer({ port: 0, seed: 'empty', credentials });
  });
  afterAll(() => emulator.close());

  it('signs with the credentials of the environment; the session names the account and user from the endpoint, and no secret', async () => {
    const cli = await startCli(['--aws', '--endpoint-url', emulator.url, '--regions', 'us-east-1,eu-west-1'], {
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      HOME: mkdtempSync(join(tmpdir(), 'dashboard-home-')),
    });
    try {
      const response = await awsCall(cli.url, 'us-east-1', 'DescribeClusters');
      expect(response.status).toBe(200);
      expect(jsonOf(response)['Clusters']).toEqual([]);
      const session = await rawRequest(`${cli.url}/api/session`);
      expect(jsonOf(session)).toMatchObject({
        mode: 'aws',
        regions: ['us-east-1', 'eu-west-1'],
        endpoint: `${emulator.url}/`,
        accountId: '123456789012',
        identity: { arn: 'arn:aws:iam::123456789012:user/dashboard-demo', principal: 'dashboard-demo' },
      });
      for (const text of [session.body, response.body, JSON.stringify(response.headers), cli.stderr()]) {
        expect(text).not.toContain(credentials.secretAccessKey);
        expect(text).not.toContain(credentials.accessKeyId);
      }
    } finally {
      await cli.stop();
    }
  });
});
