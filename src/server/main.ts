/**
 * `npm start [-- flags]`: the dashboard on http://127.0.0.1:8373 (see args.ts for the flags).
 * Exit codes: 0 after Ctrl-C, 1 when it cannot start (data file corrupt, in use or not writable; port in
 * use), 2 for bad flags.
 */
import { startDashboardServer } from './app';
import { CorruptDataFileError, DataFileError } from './emulator/backend';
import { parseDashboardArgs, USAGE, UsageError } from './args';
import { isLoopbackHost } from './security/checks';

const say = (line: string): void => {
  process.stderr.write(`dashboard: ${line}\n`);
};

function exitWith(code: number, message: string): never {
  say(message);
  process.exit(code);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseDashboardArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`dashboard: ${error.message}\n${USAGE}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { options } = parsed;
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    say(
      `warning: listening on ${host}, not loopback: anyone who can reach this address can use the dashboard${options.mode === 'aws' ? ' with your AWS credentials' : ''}.`,
    );
  }
  let server;
  try {
    // DASHBOARD_DIST serves another build of the SPA (tests that build into their own folder).
    const distDir = process.env['DASHBOARD_DIST'];
    server = await startDashboardServer({ ...options, ...(distDir && { distDir }), log: say });
  } catch (error) {
    if (error instanceof CorruptDataFileError) {
      exitWith(1, `${error.message}\nTo start over from the seed, run again with --fresh (the damaged file is moved aside, not deleted).`);
    }
    // In use by another process, a folder that cannot be written: one line naming the path and why.
    if (error instanceof DataFileError) exitWith(1, error.message);
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'EADDRINUSE') exitWith(1, `port ${options.port ?? ''} on ${host} is already in use: choose another with --port`);
    if (code === 'EADDRNOTAVAIL') exitWith(1, `cannot listen on ${host}: it is not an address of this machine`);
    exitWith(1, `could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  const what =
    options.mode === 'aws'
      ? `AWS${options.profile ? ` profile ${options.profile}` : ''}${options.endpointUrl ? ` via ${options.endpointUrl}` : ''}${
          options.assumeRoles ? `, also ${options.assumeRoles.length === 1 ? 'role' : 'roles'} ${options.assumeRoles.join(', ')}` : ''
        }${options.profiles ? `, also ${options.profiles.length === 1 ? 'profile' : 'profiles'} ${options.profiles.join(', ')}` : ''}`
      : `embedded emulator, seed ${options.seed ?? 'demo'}, speed ${options.speed ?? ''}, ${options.dataFile ? `data ${options.dataFile}` : 'in memory'}${options.latencyMs ? `, latency ${options.latencyMs} ms` : ''}`;
  // Before the ready line: whoever reads it may stop the server at once, and a signal without a handler
  // kills the process without releasing the data file's lock.
  const shutdown = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.stdout.write(`CloudHSM dashboard on ${server.url} (${what}${options.readOnly ? ', read-only' : ''})\n`);
}

void main();
