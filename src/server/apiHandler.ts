/**
 * The dashboard's API, shared by the Node server (app.ts) and Vite's dev server (vitePlugin.ts):
 *   GET  /api/session   what the SPA needs to start: mode, regions, read-only, account (routes/session.ts)
 *   GET  /api/network?region=<region>   VPCs and subnets for the create-cluster form (routes/network.ts)
 *   POST /api/emulator/activate-cluster {region, clusterId}   emulator mode: stands in for `cloudhsm-cli cluster
 *        activate` (routes/activate.ts)
 *   GET  /api/quotas?region=<region>[&account=<account>]   an account's CloudHSM quotas (routes/quotas.ts)
 *   POST /aws/<region>  one CloudHSM V2 call (AWS JSON 1.1) as the base account, checked and answered by the
 *        backend (routes/aws.ts); POST /aws/<account>/<region> the same as another account the server was started with
 * The Host and cross-site checks come first, for every path; each route's own checks happen before the body
 * is read or anything is forwarded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SessionInfo } from '../cloudhsm/api';
import { clip } from '../cloudhsm/clip';
import { newRequestId } from '../cloudhsm/protocol';
import { DEFAULT_RESIDENCY_TAG_KEY } from '../cloudhsm/residency';
import { DashboardApiError, sendApiError, unknownOperation } from './apiErrors';
import type { Backend } from './backend';
import { createBackend } from './createBackend';
import { DEFAULT_MAX_BODY_BYTES, type DashboardServerOptions } from './options';
import { serveActivate } from './routes/activate';
import { serveAws } from './routes/aws';
import { serveNetwork } from './routes/network';
import { serveQuotas } from './routes/quotas';
import { pathOf, refuse, sendJson, sendMisdirected, type Route, type RouteContext } from './routes/respond';
import { serveSession, sessionInfo } from './routes/session';
import { allowedHostNames, API_HEADERS, crossSiteProblem, hostProblem } from './security/checks';
import { redact } from './security/redact';

export interface ApiHandler {
  /** Answers the request when its path is under /api/ or /aws/ (returns true); otherwise returns false. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  session(): Promise<SessionInfo>;
  readonly backend: Backend;
  close(): Promise<void>;
}

const ROUTES: Readonly<Record<string, Route>> = {
  '/api/session': serveSession,
  '/api/emulator/activate-cluster': serveActivate,
  '/api/network': serveNetwork,
  '/api/quotas': serveQuotas,
};
const AWS_PATH = /^\/aws\/([^/]*)\/?$/;
const ACCOUNT_AWS_PATH = /^\/aws\/([^/]*)\/([^/]*)\/?$/;

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/aws' || path.startsWith('/aws/');
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Any other path under /api or /aws. */
const serveNoRoute =
  (path: string): Route =>
  async (req, res) => {
    req.resume();
    if (path.startsWith('/aws')) {
      sendApiError(
        res,
        newRequestId(),
        unknownOperation(`No route ${clip(path)}: CloudHSM calls are POST /aws/<region> or /aws/<account>/<region>.`),
        API_HEADERS,
      );
    } else {
      sendJson(res, 404, { message: `No API route ${clip(path)}.` });
    }
  };

/** The route that answers a path. */
function routeFor(path: string): Route {
  if (Object.hasOwn(ROUTES, path)) return ROUTES[path]!;
  const aws = AWS_PATH.exec(path);
  if (aws) {
    const region = decodeURIComponentSafe(aws[1]!);
    return (req, res, context) => serveAws(req, res, context, region);
  }
  const inAccount = ACCOUNT_AWS_PATH.exec(path);
  if (inAccount) {
    const account = decodeURIComponentSafe(inAccount[1]!);
    const region = decodeURIComponentSafe(inAccount[2]!);
    return (req, res, context) => serveAws(req, res, context, region, account);
  }
  return serveNoRoute(path);
}

/** Builds the backend the options ask for and the handler in front of it. */
export async function createApiHandler(options: DashboardServerOptions): Promise<ApiHandler> {
  const write = options.log ?? ((line: string) => process.stderr.write(`dashboard: ${line}\n`));
  // Every log line, the backends' included, passes redact(): one may quote an upstream error or a library's.
  const log = (line: string): void => write(redact(line));
  const backend = await createBackend(options, log);
  return createApiHandlerFor(backend, { ...options, log });
}

/** The handler in front of an existing backend (tests use fakes): the security checks, then the route. */
export function createApiHandlerFor(backend: Backend, options: DashboardServerOptions & { log: (line: string) => void }): ApiHandler {
  const { log } = options;
  const context: RouteContext = {
    backend,
    log,
    readOnly: options.readOnly ?? false,
    residencyTagKey: options.residencyTagKey ?? DEFAULT_RESIDENCY_TAG_KEY,
    pollSeconds: options.pollSeconds,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  };
  const hostNames = allowedHostNames(options.host);

  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = pathOf(req);
    if (!isApiPath(path)) return false;
    const misdirected = hostProblem(req, hostNames);
    if (misdirected) {
      req.resume();
      log(`refused ${req.method ?? ''} ${path}: ${misdirected}`);
      sendMisdirected(res, misdirected);
      return true;
    }
    const crossSite = crossSiteProblem(req, req.method === 'GET' && path === '/api/session');
    if (crossSite) {
      log(`refused ${req.method ?? ''} ${path}: ${crossSite}`);
      refuse(req, res, newRequestId(), new DashboardApiError('CloudHsmAccessDeniedException', 403, crossSite));
      return true;
    }
    routeFor(path)(req, res, context).catch((error: unknown) => {
      log(`request ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent)
        sendApiError(
          res,
          newRequestId(),
          new DashboardApiError('CloudHsmInternalFailureException', 500, 'The dashboard server failed; see its log.'),
          API_HEADERS,
        );
      else res.destroy();
    });
    return true;
  };

  return { handle, session: () => sessionInfo(context), backend, close: () => backend.close() };
}
