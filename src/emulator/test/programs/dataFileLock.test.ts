/**
 * One process per data file, and its folder, with real processes: `npm run emulator -- --data` and
 * `npm start` (the dashboard's embedded emulator) share the lock, so neither can silently lose the other's
 * acknowledged writes; a lock left by kill -9 does not block the next start; a folder that does not exist
 * is created, one that cannot be written stops the start with one line naming it.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileInUseError, lockDataFile } from '../../node/dataFileLock';
import { runDashboardCli, runEmulatorCli, stopCli, type CliOptions, type CliProcess } from '../../testing/cliProcess';
import { rawCall, seededSubnets } from '../../testing/harness';
import { useTempDirs } from '../../testing/persistence';

/** Root ignores permissions, so the test runs the CLIs as nobody; that needs nobody to reach this checkout. */
const AS_NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const isRoot = process.getuid?.() === 0;
const nobodyReachesCheckout =
  !isRoot || spawnSync(AS_NOBODY[0]!, [...AS_NOBODY.slice(1), 'test', '-r', join(process.cwd(), 'package.json')]).status === 0;

// Temporary folders removed (and the CLIs stopped) after the file's tests.
const tempDir = useTempDirs('emulator-lock-');

/** The dashboard with its embedded emulator, its default data folder under `home`. */
const dashboardEnv = (home: string): NodeJS.ProcessEnv => ({
  ...process.env,
  HOME: home,
  XDG_DATA_HOME: join(home, 'data'),
  NODE_NO_WARNINGS: '1',
});

/** A start that must fail: exit code 1 and exactly `line` on stderr, nothing on stdout. */
async function expectRefused(cli: CliProcess, line: string): Promise<void> {
  const exit = await cli.exited;
  expect({ code: exit.code, stderr: cli.stderr(), stdout: cli.stdout() }).toEqual({ code: 1, stderr: `${line}\n`, stdout: '' });
}

const inUse = (prefix: string, file: string, pid: number): string =>
  `${prefix}: ${file} is in use by another process (pid ${pid}); stop it or use another --data file.`;

async function createCluster(url: string): Promise<number> {
  const subnetIds = (await seededSubnets(url)).slice(0, 2).map((s) => s.SubnetId);
  return (await rawCall(url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: subnetIds }, { region: 'us-east-1' })).status;
}

describe('one process per data file', () => {
  it('a second emulator on the same file exits 1 naming the file and the pid holding it; the first goes on, and releases the lock on SIGTERM', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'state.jsonl');
    const first = runEmulatorCli(['--data', dataFile, '--seed', 'empty']);
    const url = await first.ready;
    expect(await createCluster(url)).toBe(200);
    const bytes = readFileSync(dataFile);

    await expectRefused(runEmulatorCli(['--data', dataFile, '--seed', 'demo']), inUse('emulator', dataFile, first.pid));
    // The embedded emulator of `npm start` is refused the same way.
    await expectRefused(
      runDashboardCli(['--data', dataFile, '--seed', 'demo'], { env: dashboardEnv(dir) }),
      inUse('dashboard', dataFile, first.pid),
    );
    // Neither touched the file; the first still writes to it.
    expect(readFileSync(dataFile).equals(bytes)).toBe(true);
    expect(await createCluster(url)).toBe(200);
    expect(readFileSync(dataFile).length).toBeGreaterThan(bytes.length);

    expect(existsSync(`${dataFile}.lock`)).toBe(true);
    expect((await stopCli(first, 'SIGTERM')).code).toBe(0);
    expect(existsSync(`${dataFile}.lock`)).toBe(false);
  }, 60_000);

  it('two `npm start` on the default data file: the second exits 1; after a kill -9 of the first, the lock it left does not block the next start', async () => {
    const home = tempDir();
    const env = { env: dashboardEnv(home) };
    const dataFile = join(home, 'data', 'cloudhsm-dashboard', 'emulator.jsonl');
    const first = runDashboardCli(['--seed', 'empty'], env);
    await first.ready;
    await expectRefused(runDashboardCli(['--seed', 'empty'], env), inUse('dashboard', dataFile, first.pid));
    await expectRefused(runEmulatorCli(['--data', dataFile]), inUse('emulator', dataFile, first.pid));

    expect((await stopCli(first, 'SIGKILL')).signal).toBe('SIGKILL');
    expect(readFileSync(`${dataFile}.lock`, 'utf8').split('\n')[0]).toBe(String(first.pid));
    const next = runDashboardCli(['--seed', 'empty'], env);
    await next.ready;
    expect(readFileSync(`${dataFile}.lock`, 'utf8').split('\n')[0]).toBe(String(next.pid));
    expect((await stopCli(next, 'SIGINT')).code).toBe(0);
    expect(existsSync(`${dataFile}.lock`)).toBe(false);
  }, 60_000);

  it('a stale lock of the standalone emulator (kill -9) is taken over at once', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'state.jsonl');
    const first = runEmulatorCli(['--data', dataFile, '--seed', 'empty']);
    expect(await createCluster(await first.ready)).toBe(200);
    await stopCli(first, 'SIGKILL');
    expect(existsSync(`${dataFile}.lock`)).toBe(true);
    const next = runEmulatorCli(['--data', dataFile, '--seed', 'empty']);
    const url = await next.ready;
    const listed = await rawCall(url, 'DescribeClusters', {}, { region: 'us-east-1' });
    expect((listed.body['Clusters'] as unknown[]).length).toBe(1);
    expect((await stopCli(next, 'SIGTERM')).code).toBe(0);
  }, 60_000);
});

describe('the data folder', () => {
  it('--data in folders that do not exist creates them (emulator and npm start)', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'new', 'nested', 'deeper', 'state.jsonl');
    const cli = runEmulatorCli(['--data', dataFile, '--seed', 'empty']);
    expect(await createCluster(await cli.ready)).toBe(200);
    expect((await stopCli(cli, 'SIGTERM')).code).toBe(0);
    expect(readFileSync(dataFile, 'utf8')).toMatch(/^\{"format":"cloudhsm-v2-emulator"/);

    const home = tempDir();
    const dashboard = runDashboardCli(['--seed', 'empty'], { env: dashboardEnv(home) });
    await dashboard.ready;
    expect((await stopCli(dashboard, 'SIGTERM')).code).toBe(0);
    expect(existsSync(join(home, 'data', 'cloudhsm-dashboard', 'emulator.jsonl'))).toBe(true);
  }, 60_000);

  it('a folder that cannot be made (a file is in the way): exit 1, one line naming the path and the reason', async () => {
    const dir = tempDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    await expectRefused(
      runEmulatorCli(['--data', join(file, 'state.jsonl')]),
      `emulator: cannot create the data file's folder ${file}: it exists and is not a folder (EEXIST)`,
    );
    await expectRefused(
      runEmulatorCli(['--data', join(file, 'sub', 'state.jsonl')]),
      `emulator: cannot create the data file's folder ${join(file, 'sub')}: a part of the path is not a folder (ENOTDIR)`,
    );
    // npm start's default folder, under an XDG_DATA_HOME that is a file.
    await expectRefused(
      runDashboardCli(['--seed', 'empty'], { env: { ...dashboardEnv(dir), XDG_DATA_HOME: file } }),
      `dashboard: cannot create the data file's folder ${join(file, 'cloudhsm-dashboard')}: a part of the path is not a folder (ENOTDIR)`,
    );
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  }, 60_000);

  // Skipped only as root in a checkout that nobody cannot read (e.g. a clone inside a `mktemp -d` folder, mode 700).
  it.skipIf(!nobodyReachesCheckout)(
    'a folder without write permission: exit 1, one line naming the folder and the reason',
    async () => {
      const dir = tempDir();
      chmodSync(dir, 0o755);
      const readOnly = join(dir, 'read-only');
      mkdirSync(readOnly, { mode: 0o500 });
      chmodSync(readOnly, 0o500);
      // Root ignores permissions: run the CLIs as nobody then (setpriv execs them in place).
      const asUser: CliOptions = isRoot ? { prefix: AS_NOBODY, env: { ...process.env, HOME: dir } } : {};
      await expectRefused(
        runEmulatorCli(['--data', join(readOnly, 'state.jsonl')], asUser),
        `emulator: cannot write in the data file's folder ${readOnly}: permission denied (EACCES)`,
      );
      await expectRefused(
        runEmulatorCli(['--data', join(readOnly, 'sub', 'state.jsonl')], asUser),
        `emulator: cannot create the data file's folder ${join(readOnly, 'sub')}: permission denied (EACCES)`,
      );
      await expectRefused(
        runDashboardCli(['--seed', 'empty'], {
          ...asUser,
          env: { ...(asUser.env ?? process.env), XDG_DATA_HOME: readOnly, NODE_NO_WARNINGS: '1' },
        }),
        `dashboard: cannot create the data file's folder ${join(readOnly, 'cloudhsm-dashboard')}: permission denied (EACCES)`,
      );
    },
    60_000,
  );
});

describe('stale lock detection (in process)', () => {
  const startOf = (pid: number): string => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
  };
  const lockWith = (text: string): string => {
    const dataFile = join(tempDir(), 'state.jsonl');
    writeFileSync(`${dataFile}.lock`, text);
    return dataFile;
  };
  const takeAndRelease = (dataFile: string): void => {
    const lock = lockDataFile(dataFile);
    expect(readFileSync(lock.path, 'utf8').split('\n')[0]).toBe(String(process.pid));
    // A second open in the same process is refused too.
    expect(() => lockDataFile(dataFile)).toThrow(DataFileInUseError);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  };

  it('takes over a lock whose process is gone, or whose pid now belongs to another program, or is our own pid from an earlier life', () => {
    takeAndRelease(lockWith('2147483646\n\n'));
    takeAndRelease(lockWith(`1\n${Number(startOf(1)) + 1}\n`));
    takeAndRelease(lockWith(`${process.pid}\n${startOf(process.pid)}\n`));
    takeAndRelease(lockWith('garbage'));
  });

  it('refuses a lock held by a live process, naming its pid', () => {
    const dataFile = lockWith(`1\n${startOf(1)}\n`);
    expect(() => lockDataFile(dataFile)).toThrow(`${dataFile} is in use by another process (pid 1); stop it or use another --data file.`);
    expect(readFileSync(`${dataFile}.lock`, 'utf8')).toBe(`1\n${startOf(1)}\n`);
  });
});
