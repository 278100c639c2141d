/**
 * The dashboard's API, shared by the Node server (app.ts) and Vite's dev server (vitePlugin.ts):
 *   GET  /api/session   what the SPA needs to start: mode, regions, read-only, account
 *   GET  /api/network?region=<region>   VPCs and subnets for the create-cluster form (network.ts)
 *   POST /api/emulator/activate-cluster {region, clusterId}   emulator mode: stands in for `cloudhsm-cli cluster activate`
 *   POST /aws/<region>  one CloudHSM V2 call (AWS JSON 1.1), checked here and answered by the backend
 * Every check happens before the body is read or anything is forwarded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BodyTooLargeError, declaredLength, readBody } from '../node/http';
import { clip } from '../cloudhsm/clip';
import { newRequestId } from '../cloudhsm/protocol';
import { isOperationName, MUTATING_OPERATIONS, type OperationName } from '../cloudhsm/operations';
import { CLOUDHSM_REGIONS, isCloudHsmRegion } from '../cloudhsm/regions';
import { JSON_CONTENT_TYPE, TARGET_PREFIX } from '../cloudhsm/protocol';
import { accessDenied, DashboardApiError, internalFailure, sendApiError, sendApiErrorThenDrain, serializationError, unknownOperation } from './awsErrors';
import type { Backend, BackendAnswer } from './backend';
import { DEFAULT_MAX_BODY_BYTES, type DashboardServerOptions } from './options';
import { CLUSTER_RETURNING_OPERATIONS, cleanJsonBody } from './responseFilter';
import { allowedHostNames, API_HEADERS, crossSiteProblem, hostProblem } from './security';
import { createBackend } from './createBackend';
import { cleanErrorBody, MAX_ERROR_BODY_BYTES } from './errorBody';
import { redact } from './redact';

/** The body of /api/emulator/activate-cluster: {"region", "clusterId"}. */
const ACTIVATE_BODY_BYTES = 4096;
/** Cap on a buffered upstream answer (a page of clusters with certificates is well under 1 MiB). */
const MAX_UPSTREAM_BODY_BYTES = 32 * 1024 * 1024;

export interface SessionInfo {
  mode: 'emulator' | 'aws';
  regions: string[];
  readOnly: boolean;
  accountId?: string;
  profile?: string;
  availableRegions: string[];
  endpoint?: string;
}

export interface ApiHandler {
  /** Answers the request when its path is under /api/ or /aws/ (returns true); otherwise returns false. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  session(): Promise<SessionInfo>;
  readonly backend: Backend;
  close(): Promise<void>;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/aws' || path.startsWith('/aws/');
}

/** Answered before anything else, for every path: a page on another host name must learn nothing. */
export function sendMisdirected(res: ServerResponse, message: string): void {
  res.writeHead(421, { ...API_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(message)) });
  res.end(message);
}

function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { ...API_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > limit) {
      stream.destroy();
      throw new DashboardApiError('UpstreamAnswerTooLargeException', 502, `The CloudHSM answer was larger than ${limit} bytes; it was not passed on.`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function contentTypeIsJson11(value: string | undefined): boolean {
  return (value ?? '').split(';')[0]!.trim().toLowerCase() === JSON_CONTENT_TYPE;
}

/** Builds the backend the options ask for and the handler in front of it. */
export async function createApiHandler(options: DashboardServerOptions): Promise<ApiHandler> {
  const write = options.log ?? ((line: string) => process.stderr.write(`dashboard: ${line}\n`));
  // Every log line, the backends' included, passes redact(): one may quote an upstream error or a library's.
  const log = (line: string): void => write(redact(line));
  const backend = await createBackend(options, log);
  return createApiHandlerFor(backend, { ...options, log });
}

/** The handler in front of an existing backend (tests use fakes). */
export function createApiHandlerFor(backend: Backend, options: DashboardServerOptions & { log: (line: string) => void }): ApiHandler {
  const { log } = options;
  const readOnly = options.readOnly ?? false;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const hostNames = allowedHostNames(options.host);

  const session = async (): Promise<SessionInfo> => {
    const details = await backend.session();
    const info: SessionInfo = { mode: backend.mode, regions: details.regions, readOnly, availableRegions: [...CLOUDHSM_REGIONS] };
    if (details.accountId) info.accountId = details.accountId;
    if (details.profile) info.profile = details.profile;
    if (details.endpoint) info.endpoint = details.endpoint;
    return info;
  };

  const refuse = (req: IncomingMessage, res: ServerResponse, requestId: string, error: DashboardApiError): void => {
    // Drain what the client still sends, so it reads the answer instead of a reset connection.
    req.resume();
    sendApiError(res, requestId, error, API_HEADERS);
  };

  /** 413, sent before the body is read and then drained, so that clients still uploading read it. */
  const tooLarge = (req: IncomingMessage, res: ServerResponse, requestId: string, message: string): void => {
    sendApiErrorThenDrain(req, res, requestId, new DashboardApiError('SerializationException', 413, message), API_HEADERS);
  };

  /** Checks one /aws/<region> request; returns the operation, or answers the refusal and returns null. */
  const admit = (req: IncomingMessage, res: ServerResponse, region: string, requestId: string): OperationName | null => {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      refuse(req, res, requestId, new DashboardApiError('UnknownOperationException', 405, `${req.method ?? ''} is not allowed: CloudHSM calls are POST /aws/<region>.`));
      return null;
    }
    if (!isCloudHsmRegion(region)) {
      refuse(req, res, requestId, new DashboardApiError('CloudHsmInvalidRequestException', 400, `"${clip(region, 40)}" is not a region with CloudHSM V2. Use one of: ${CLOUDHSM_REGIONS.join(', ')}.`));
      return null;
    }
    if (!contentTypeIsJson11(single(req.headers['content-type']))) {
      refuse(req, res, requestId, new DashboardApiError('SerializationException', 415, `Content-Type must be ${JSON_CONTENT_TYPE} (AWS JSON 1.1).`));
      return null;
    }
    const target = single(req.headers['x-amz-target']) ?? '';
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    if (!isOperationName(operation)) {
      const shown = target === '' ? 'no X-Amz-Target header' : `X-Amz-Target "${target.slice(0, 100)}"`;
      refuse(req, res, requestId, unknownOperation(`Refused ${shown}: this dashboard forwards only the CloudHSM V2 operations (${TARGET_PREFIX}<Operation>).`));
      return null;
    }
    if (readOnly && MUTATING_OPERATIONS.has(operation)) {
      refuse(req, res, requestId, accessDenied(`The dashboard was started with --read-only: ${operation} is not allowed.`));
      return null;
    }
    const declared = declaredLength(req);
    if (declared > maxBodyBytes) {
      tooLarge(req, res, requestId, `The request body (${declared} bytes) is larger than the ${maxBodyBytes}-byte limit.`);
      return null;
    }
    return operation;
  };

  const forward = async (res: ServerResponse, operation: OperationName, answer: BackendAnswer): Promise<void> => {
    let body = answer.body;
    // A proxy's or captive portal's HTML page must not be served from the dashboard's origin: only JSON passes.
    const contentType = Object.entries(answer.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
    if (!/json/i.test(contentType)) {
      if (!Buffer.isBuffer(body)) body.resume();
      throw new DashboardApiError('UpstreamAnswerNotJsonException', 502, `The ${operation} answer (HTTP ${answer.status}, ${contentType || 'no content type'}) was not JSON; it was not passed on. Is a proxy in the way?`);
    }
    if (answer.status >= 400) {
      // Error answers are small and may quote the request (AWS quotes the canonical request of a bad signature,
      // session token included): each is read whole, bounded, redacted and clipped before the browser sees it.
      const whole = Buffer.isBuffer(body) ? body : await readAll(body, MAX_ERROR_BODY_BYTES);
      body = cleanErrorBody(whole, answer.headers['x-amzn-ErrorType'], backend.mode === 'aws' ? {} : null);
    } else if (CLUSTER_RETURNING_OPERATIONS.has(operation)) {
      const whole = Buffer.isBuffer(body) ? body : await readAll(body, MAX_UPSTREAM_BODY_BYTES);
      const cleaned = cleanJsonBody(whole);
      if (cleaned === null) {
        throw new DashboardApiError('UpstreamAnswerNotJsonException', 502, `The ${operation} answer (HTTP ${answer.status}) was not JSON; it was not passed on.`);
      }
      body = cleaned;
    }
    if (Buffer.isBuffer(body)) {
      res.writeHead(answer.status, { ...API_HEADERS, ...answer.headers, 'Content-Length': String(body.length) });
      res.end(body);
      return;
    }
    res.writeHead(answer.status, { ...API_HEADERS, ...answer.headers });
    await pipeline(body, res);
  };

  const serveAws = async (req: IncomingMessage, res: ServerResponse, region: string): Promise<void> => {
    const requestId = newRequestId();
    const operation = admit(req, res, region, requestId);
    if (!operation) return;
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) tooLarge(req, res, requestId, `The request body is larger than the ${maxBodyBytes}-byte limit.`);
      else {
        res.setHeader('Connection', 'close');
        refuse(req, res, requestId, serializationError('The request body could not be read.'));
      }
      return;
    }
    try {
      const answer = await backend.call({ region, operation, body, requestId });
      await forward(res, operation, answer);
    } catch (error) {
      const typed =
        error instanceof DashboardApiError
          ? error
          : new DashboardApiError('CloudHsmInternalFailureException', 500, `The dashboard server failed while handling ${operation}; see its log.`);
      if (!(error instanceof DashboardApiError)) log(`${operation} in ${region} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendApiError(res, requestId, typed, API_HEADERS);
    }
  };

  const serveNetwork = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    req.resume();
    if (req.method !== 'GET') {
      sendJson(res, 405, { message: 'Use GET /api/network?region=<region>.' }, { Allow: 'GET' });
      return;
    }
    const region = new URL(req.url ?? '/', 'http://localhost').searchParams.get('region') ?? '';
    if (!isCloudHsmRegion(region)) {
      sendJson(res, 400, { message: `"${region.slice(0, 40)}" is not a region with CloudHSM V2. Use one of: ${CLOUDHSM_REGIONS.join(', ')}.` });
      return;
    }
    sendJson(res, 200, await backend.network(region));
  };

  const serveActivate = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = newRequestId();
    if (req.method !== 'POST') {
      req.resume();
      sendJson(res, 405, { __type: 'UnknownOperationException', message: 'Use POST /api/emulator/activate-cluster.' }, { Allow: 'POST' });
      return;
    }
    if (!backend.activateCluster) {
      req.resume();
      sendJson(res, 400, { __type: 'CloudHsmInvalidRequestException', message: 'Only the emulator can activate a cluster from the dashboard; on AWS run `cloudhsm-cli cluster activate`.' });
      return;
    }
    if (readOnly) {
      refuse(req, res, requestId, accessDenied('The dashboard was started with --read-only: activating a cluster is not allowed.'));
      return;
    }
    let input: { region?: unknown; clusterId?: unknown };
    if (declaredLength(req) > ACTIVATE_BODY_BYTES) {
      tooLarge(req, res, requestId, `The body is larger than ${ACTIVATE_BODY_BYTES} bytes.`);
      return;
    }
    try {
      input = JSON.parse((await readBody(req, ACTIVATE_BODY_BYTES)).toString('utf8') || '{}') as typeof input;
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        tooLarge(req, res, requestId, `The body is larger than ${ACTIVATE_BODY_BYTES} bytes.`);
        return;
      }
      sendJson(res, 400, { __type: 'SerializationException', message: 'The body must be JSON: {"region": "...", "clusterId": "..."}.' });
      return;
    }
    const region = typeof input.region === 'string' ? input.region : '';
    const clusterId = typeof input.clusterId === 'string' ? input.clusterId : '';
    if (!isCloudHsmRegion(region) || clusterId === '') {
      sendJson(res, 400, { __type: 'CloudHsmInvalidRequestException', message: 'Give a CloudHSM region and a cluster id: {"region": "...", "clusterId": "..."}.' });
      return;
    }
    try {
      await backend.activateCluster(region, clusterId);
      sendJson(res, 200, { ok: true });
    } catch (error) {
      const typed = error instanceof DashboardApiError ? error : internalFailure();
      sendJson(res, typed.status, { __type: typed.type, message: clip(typed.message, 1000) }, { 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': typed.type });
    }
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path === '/api/session') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        req.resume();
        sendJson(res, 405, { message: 'Use GET /api/session.' }, { Allow: 'GET' });
        return;
      }
      sendJson(res, 200, await session());
      return;
    }
    if (path === '/api/emulator/activate-cluster') {
      await serveActivate(req, res);
      return;
    }
    if (path === '/api/network') {
      await serveNetwork(req, res);
      return;
    }
    const aws = /^\/aws\/([^/]*)\/?$/.exec(path);
    if (aws) {
      await serveAws(req, res, decodeURIComponentSafe(aws[1]!));
      return;
    }
    req.resume();
    if (path.startsWith('/aws')) {
      sendApiError(res, newRequestId(), unknownOperation(`No route ${clip(path)}: CloudHSM calls are POST /aws/<region>.`), API_HEADERS);
    } else {
      sendJson(res, 404, { message: `No API route ${clip(path)}.` });
    }
  };

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
    serve(req, res, path).catch((error: unknown) => {
      log(`request ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendApiError(res, newRequestId(), new DashboardApiError('CloudHsmInternalFailureException', 500, 'The dashboard server failed; see its log.'), API_HEADERS);
      else res.destroy();
    });
    return true;
  };

  return { handle, session, backend, close: () => backend.close() };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
