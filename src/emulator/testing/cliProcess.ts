/**
 * Test helpers: the two CLIs that own a data file (`npm run emulator`, `npm start`) as real child processes,
 * as a user runs them, with their output, exit and ready URL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX_LOADER = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
const EMULATOR_CLI = join(ROOT, 'src', 'emulator', 'node', 'cli.ts');
const DASHBOARD_CLI = join(ROOT, 'src', 'server', 'main.ts');
const EMULATOR_READY = /CloudHSM V2 emulator listening on (http:\/\/127\.0\.0\.1:\d+)/;
const DASHBOARD_READY = /CloudHSM dashboard on (http:\/\/\S+) /;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CliProcess {
  process: ChildProcess;
  /** The CLI's own pid (`prefix` commands such as prlimit exec it in place). */
  pid: number;
  stdout(): string;
  stderr(): string;
  exited: Promise<Exit>;
  /** The URL from the ready line, or an error if the process exits (or hangs) first. */
  ready: Promise<string>;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** A command that execs the CLI, e.g. ['prlimit', '--fsize=4096'] or ['setpriv', '--reuid=65534', ...]. */
  prefix?: string[];
}

const children = new Set<ChildProcess>();

/** For afterAll: kill -9 whatever a failed test left running. */
export function killChildren(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

function runTsx(script: string, readyLine: RegExp, args: string[], options: CliOptions): CliProcess {
  const command = [...(options.prefix ?? []), process.execPath, '--import', TSX_LOADER, script, '--port', '0', ...args];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after 30 s; stderr: ${err}`)), 30_000);
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const match = readyLine.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`exited (code ${String(code)}, signal ${String(signal)}) before it was ready; stderr: ${err}`));
    });
  });
  ready.catch(() => {}); // Callers that expect a failure await `exited` instead.
  return { process: child, pid: child.pid!, stdout: () => out, stderr: () => err, exited, ready };
}

/** `npm run emulator -- --port 0 ...args` */
export function runEmulatorCli(args: string[], options: CliOptions = {}): CliProcess {
  return runTsx(EMULATOR_CLI, EMULATOR_READY, args, options);
}

/** `npm start -- --port 0 ...args` (the dashboard with its embedded emulator). */
export function runDashboardCli(args: string[], options: CliOptions = {}): CliProcess {
  return runTsx(DASHBOARD_CLI, DASHBOARD_READY, args, options);
}

export async function stopCli(cli: CliProcess, signal: NodeJS.Signals): Promise<Exit> {
  cli.process.kill(signal);
  return cli.exited;
}

/** The process's file size limit (RLIMIT_FSIZE), changed from outside: `prlimit --pid` needs no root for our own children. */
export function setFileSizeLimit(pid: number, bytes: number | 'unlimited'): void {
  const result = spawnSync('prlimit', ['--pid', String(pid), `--fsize=${bytes}:unlimited`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`prlimit failed: ${result.stderr}`);
}
