/**
 * `npm run dev`: Vite's dev server (hot reload) with the dashboard's own /api and /aws routes mounted as
 * middleware, through the same handler as the Node server, so the SPA sees one server in both.
 * The flags come from src/server/dev.ts through CLOUDHSM_DASHBOARD_ARGS (plain `npx vite` gets defaults).
 * The server modules are loaded through Vite's own module loader when the dev server starts: the config
 * bundle stays small, and `vite build` never loads them.
 */
import type { Plugin } from 'vite';
import type * as ApiHandlerModule from './apiHandler';
import type { ApiHandler } from './apiHandler';
import type * as ArgsModule from './args';

export const DEV_ARGS_ENV = 'CLOUDHSM_DASHBOARD_ARGS';
const SHARED_KEY = Symbol.for('cloudhsm-dashboard.dev-api');

const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/') || path === '/aws' || path.startsWith('/aws/');

function argsFromEnv(): string[] {
  const text = process.env[DEV_ARGS_ENV];
  if (!text) return [];
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
}

export function dashboardApiPlugin(): Plugin {
  return {
    name: 'cloudhsm-dashboard-api',
    apply: 'serve',
    async configureServer(server) {
      const argv = argsFromEnv();
      // Vite restarts (a config edit) build a new server before closing the old one: the handler, with its
      // emulator and data file, is made once per process and reused, never two writers on one data file.
      const shared = globalThis as typeof globalThis & { [SHARED_KEY]?: Promise<ApiHandler> };
      shared[SHARED_KEY] ??= (async () => {
        const { parseDashboardArgs } = (await server.ssrLoadModule('/src/server/args.ts')) as typeof ArgsModule;
        const { createApiHandler } = (await server.ssrLoadModule('/src/server/apiHandler.ts')) as typeof ApiHandlerModule;
        const parsed = parseDashboardArgs(argv);
        const options = parsed.help ? {} : parsed.options;
        const log = (line: string): void => server.config.logger.info(`dashboard: ${line}`);
        return createApiHandler({ ...options, log });
      })();
      const pending = shared[SHARED_KEY];
      let api: ApiHandler;
      try {
        api = await pending;
      } catch (error) {
        delete shared[SHARED_KEY];
        throw error;
      }
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (!isApiPath(path) || !api.handle(req, res)) next();
      });
    },
  };
}
