/** `npm run dev [-- flags]`: the dashboard with Vite's dev server and hot reload (same flags as npm start). */
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { parseDashboardArgs, USAGE, UsageError } from './args';
import { CorruptDataFileError } from './emulator/backend';
import { isLoopbackHost } from './security/checks';
import { DEV_ARGS_ENV } from './vitePlugin';

const DEV_DEFAULT_PORT = 5173;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let parsed;
  try {
    parsed = parseDashboardArgs(argv, process.env, DEV_DEFAULT_PORT);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`dashboard: ${error.message}\n${USAGE.replace('npm start', 'npm run dev')}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE.replace('npm start', 'npm run dev')}\n`);
    return;
  }
  const { options } = parsed;
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host))
    process.stderr.write(`dashboard: warning: listening on ${host}, not loopback: anyone who can reach it can use the dashboard.\n`);
  // The plugin in vite.config.ts reads the same flags (the config is loaded as a separate module graph).
  process.env[DEV_ARGS_ENV] = JSON.stringify(argv);
  try {
    const server = await createServer({
      configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
      server: { port: options.port ?? DEV_DEFAULT_PORT, host, strictPort: true },
    });
    await server.listen();
    server.printUrls();
  } catch (error) {
    if (error instanceof CorruptDataFileError || (error instanceof Error && error.name === 'CorruptDataFileError')) {
      process.stderr.write(
        `dashboard: ${error.message}\nTo start over from the seed, run again with --fresh (the damaged file is moved aside, not deleted).\n`,
      );
      process.exit(1);
    }
    process.stderr.write(`dashboard: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

void main();
