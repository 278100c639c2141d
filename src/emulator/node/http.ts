/**
 * The emulator's HTTP face: AWS JSON 1.1 (`POST /`, `X-Amz-Target: BaldrApiService.<Op>`), CORS for browser
 * clients, optional SigV4 verification, and the admin routes under /_emulator/.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Emulator } from '../emulator';
import { clip, MAX_MESSAGE_CHARS } from '../../cloudhsm/clip';
import { errorBody, JSON_CONTENT_TYPE, newRequestId, TARGET_PREFIX } from '../../cloudhsm/protocol';
import { EmulatorError } from '../errors';
import { isOperationName } from '../../cloudhsm/operations';
import { isCloudHsmRegion } from '../../cloudhsm/regions';
import { regionOf, type SigV4Verifier } from './sigv4';
import { serializeOutputParts } from '../wire';

/** Far above the largest valid request (InitializeCluster: two 20,000-character certificates). */
export const MAX_BODY_BYTES = 1024 * 1024;

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers':
    'authorization, content-type, x-amz-target, x-amz-date, x-amz-security-token, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request, x-amz-content-sha256',
  'Access-Control-Expose-Headers': 'x-amzn-requestid, x-amzn-errortype',
  'Access-Control-Max-Age': '600',
};

export class BodyTooLargeError extends Error {}

/** The declared Content-Length of a request (0 when there is none or it is not a number). */
export function declaredLength(req: IncomingMessage): number {
  const value = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(value) ? value : 0;
}

/**
 * Reads the whole body, at most `limit` bytes. Over the limit it rejects with BodyTooLargeError and stops
 * listening, leaving the rest of the body unread for `answerThenDrain`.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', reject);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        stop();
        req.pause();
        reject(new BodyTooLargeError(`Request body is larger than ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/** How much of a refused body is read and thrown away, and for how long, before the connection is closed. */
export const DRAIN_LIMITS = { bytes: 64 * 1024 * 1024, millis: 10_000 };

/**
 * Sends a complete answer to a request whose body is not (or not fully) read, in a way every common client
 * reads. Closing at once, with the client still uploading, resets the connection: Python's http.client, which
 * sends the whole body before it reads, then sees a broken pipe instead of the answer. So the
 * answer (with Connection: close) goes out first, the rest of the body is read and discarded (at most
 * `limits.bytes`, for at most `limits.millis`), and only then is the connection closed.
 */
export function answerThenDrain(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
  limits: { bytes: number; millis: number } = DRAIN_LIMITS,
): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' });
  if (req.complete) {
    res.end(body);
    return;
  }
  res.write(body);
  let drained = 0;
  const finish = (): void => {
    clearTimeout(timer);
    req.off('data', onData);
    req.off('end', finish);
    req.off('error', finish);
    req.off('close', finish);
    // Past the bounds the connection is closed with the body half sent: the client gets a reset then.
    if (!res.writableEnded) res.end();
  };
  const onData = (chunk: Buffer): void => {
    drained += chunk.length;
    if (drained > limits.bytes) finish();
  };
  const timer = setTimeout(finish, limits.millis);
  timer.unref();
  req.on('data', onData);
  req.once('end', finish);
  req.once('error', finish);
  req.once('close', finish);
  req.resume();
}

function sendJson(res: ServerResponse, status: number, text: string | Uint8Array, headers: Record<string, string>): void {
  res.writeHead(status, {
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Pieces at least this large are written as they are; smaller ones are joined first. */
const DIRECT_WRITE_BYTES = 1024;
const JOINED_CHUNK_BYTES = 16 * 1024;

/**
 * A 200 answer written in pieces, in one corked writev: large records (a cluster with its certificates) go
 * out without being copied into one big buffer, which measured at twice the cost of the whole request;
 * small ones (backups, punctuation) are joined into chunks so the writev stays short.
 */
function sendJsonParts(res: ServerResponse, parts: Uint8Array[], headers: Record<string, string>): void {
  let length = 0;
  for (const part of parts) length += part.length;
  res.writeHead(200, { 'Content-Type': JSON_CONTENT_TYPE, 'Content-Length': length, ...headers });
  res.cork();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = (): void => {
    if (pendingBytes === 0) return;
    res.write(pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  for (const part of parts) {
    if (part.length >= DIRECT_WRITE_BYTES) {
      flush();
      res.write(part);
    } else {
      pending.push(part);
      pendingBytes += part.length;
      if (pendingBytes >= JOINED_CHUNK_BYTES) flush();
    }
  }
  flush();
  res.end();
  res.uncork();
}

export function sendAwsError(res: ServerResponse, requestId: string, error: EmulatorError, extraHeaders: Record<string, string> = {}): void {
  sendJson(res, error.status, errorBody(error.type, error.message), { 'x-amzn-RequestId': requestId, ...extraHeaders });
}

/** 413 for a body over the limit, read by every client (see answerThenDrain). */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, requestId: string, limit: number, extra: Record<string, string>): void {
  const body = errorBody('SerializationException', `Request body is larger than ${limit} bytes.`);
  answerThenDrain(req, res, 413, { 'Content-Type': JSON_CONTENT_TYPE, 'x-amzn-RequestId': requestId, ...extra }, body);
}

/** Typed errors pass through; anything else is the service's retryable internal failure (500). */
export function toEmulatorError(error: unknown): EmulatorError {
  if (error instanceof EmulatorError) return error;
  return new EmulatorError('CloudHsmInternalFailureException', 'The request was rejected because of an AWS CloudHSM internal failure. The request can be retried.');
}

/** A JSON 1.1 request body: empty or `null` is `{}`; anything that is not JSON is a SerializationException. */
export function parseRequestBody(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new EmulatorError('SerializationException', 'The request body is not valid JSON.');
  }
  return input ?? {};
}

/** Runs the emulator's due transitions every `millis` even when no request comes (daily backups, purges). */
export function startLifecycleTimer(emulator: Emulator, millis: number, log: (line: string) => void): () => void {
  const timer = setInterval(() => {
    try {
      emulator.tick();
    } catch (error) {
      log(`emulator lifecycle tick failed: ${String(error)}`);
    }
  }, millis);
  timer.unref();
  return () => clearInterval(timer);
}

export interface ApiRequestOptions {
  /** Use this region instead of the one in the SigV4 scope (the dashboard server routes /aws/<region>). */
  region?: string;
  verifier?: SigV4Verifier | null;
  /** Called with unexpected (5xx) errors, for logging. */
  onInternalError?: (error: unknown) => void;
  extraHeaders?: Record<string, string>;
}

/** Answers one AWS JSON 1.1 request (the body not read yet). */
export async function handleApiRequest(emulator: Emulator, req: IncomingMessage, res: ServerResponse, options: ApiRequestOptions = {}): Promise<void> {
  const requestId = newRequestId();
  const extra = options.extraHeaders ?? {};
  const fail = (error: EmulatorError) => sendAwsError(res, requestId, error, extra);
  // Refused before a byte of the body is read when the declared length is already too much.
  if (declaredLength(req) > MAX_BODY_BYTES) {
    refuseTooLarge(req, res, requestId, MAX_BODY_BYTES, extra);
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) refuseTooLarge(req, res, requestId, MAX_BODY_BYTES, extra);
    else fail(toEmulatorError(error));
    return;
  }
  try {
    if (options.verifier) {
      await options.verifier.verify({ method: req.method ?? 'POST', path: req.url ?? '/', headers: req.headers, body });
    }
    const target = req.headers['x-amz-target'];
    const targetText = Array.isArray(target) ? target[0] : target;
    // Header values are quoted clipped: they are the client's text.
    if (!targetText || !targetText.startsWith(TARGET_PREFIX)) {
      throw new EmulatorError('UnknownOperationException', targetText ? `Unknown operation ${clip(targetText)}.` : 'Missing X-Amz-Target header.');
    }
    const operation = targetText.slice(TARGET_PREFIX.length);
    const input = parseRequestBody(body);
    if (!isOperationName(operation)) throw new EmulatorError('UnknownOperationException', `Operation ${clip(operation)} is not supported by CloudHSM V2.`);
    const authorization = req.headers['authorization'];
    const region = options.region ?? regionOf(Array.isArray(authorization) ? authorization[0] : authorization);
    if (!isCloudHsmRegion(region)) {
      throw new EmulatorError('UnrecognizedClientException', `Region ${clip(region)} does not offer CloudHSM; no CloudHSM endpoint exists there.`);
    }
    const headers = { 'x-amzn-RequestId': requestId, ...extra };
    const output = await emulator.handle(operation, input, { region });
    sendJsonParts(res, serializeOutputParts(output), headers);
  } catch (error) {
    const typed = toEmulatorError(error);
    if (typed.status >= 500) options.onInternalError?.(error);
    fail(typed);
  }
}

export interface AdminOptions {
  /** Re-seeds after /_emulator/reset (the seed the emulator started with). */
  reseed: () => Promise<void>;
}

function sendAdmin(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  if (status === 413) {
    answerThenDrain(res.req, res, 413, { 'Content-Type': 'application/json', 'x-amzn-RequestId': newRequestId(), ...CORS_HEADERS }, text);
    return;
  }
  // A request id on every response, admin ones included, so logs and bug reports can name any answer.
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': newRequestId(), ...CORS_HEADERS });
  res.end(text);
}

/** Admin routes, outside the AWS API: clock, activation, HSM health, network, reset. */
async function handleAdmin(emulator: Emulator, req: IncomingMessage, res: ServerResponse, admin: AdminOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  try {
    let body: Record<string, unknown> = {};
    if (req.method === 'POST') {
      if (declaredLength(req) > MAX_BODY_BYTES) throw new BodyTooLargeError(`Request body is larger than ${MAX_BODY_BYTES} bytes.`);
      const text = (await readBody(req)).toString('utf8');
      if (text.trim()) {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new EmulatorError('SerializationException', 'Expected a JSON object.');
        body = parsed as Record<string, unknown>;
      }
    }
    const str = (name: string): string => {
      const value = body[name];
      if (typeof value !== 'string' || value === '') throw new EmulatorError('CloudHsmInvalidRequestException', `"${name}" (a string) is required.`);
      // Regions and ids are short; a longer string would only be quoted back in a "not found" message.
      if (value.length > 64) throw new EmulatorError('CloudHsmInvalidRequestException', `"${name}" is longer than 64 characters.`);
      return value;
    };
    switch (route) {
      case 'GET /_emulator/network': {
        const region = url.searchParams.get('region') ?? 'us-east-1';
        sendAdmin(res, 200, { region: clip(region), ...emulator.network(region) });
        return;
      }
      case 'GET /_emulator/clock':
        sendAdmin(res, 200, { now: emulator.now(), offsetSeconds: emulator.store.clockOffsetSeconds, speed: emulator.config.speed });
        return;
      case 'POST /_emulator/advance-clock': {
        const seconds = body['seconds'];
        if (typeof seconds !== 'number') throw new EmulatorError('CloudHsmInvalidRequestException', '"seconds" (a number) is required.');
        sendAdmin(res, 200, { now: emulator.advanceClock(seconds) });
        return;
      }
      case 'POST /_emulator/activate-cluster':
        emulator.activateCluster(str('region'), str('clusterId'));
        sendAdmin(res, 200, { ok: true });
        return;
      case 'POST /_emulator/degrade-hsm':
        emulator.setHsmHealth(str('region'), str('hsmId'), 'DEGRADED');
        sendAdmin(res, 200, { ok: true });
        return;
      case 'POST /_emulator/recover-hsm':
        emulator.setHsmHealth(str('region'), str('hsmId'), 'ACTIVE');
        sendAdmin(res, 200, { ok: true });
        return;
      case 'POST /_emulator/reset':
        await admin.reseed();
        sendAdmin(res, 200, { ok: true });
        return;
      default:
        sendAdmin(res, 404, { error: 'NotFound', message: `No admin route ${clip(route)}.` });
    }
  } catch (error) {
    if (error instanceof EmulatorError) sendAdmin(res, error.status, { error: error.type, message: clip(error.message, MAX_MESSAGE_CHARS) });
    else if (error instanceof SyntaxError) sendAdmin(res, 400, { error: 'SerializationException', message: 'The request body is not valid JSON.' });
    else if (error instanceof BodyTooLargeError) sendAdmin(res, 413, { error: 'SerializationException', message: error.message });
    else sendAdmin(res, 500, { error: 'InternalFailure', message: clip(String(error), MAX_MESSAGE_CHARS) });
  }
}

export interface EmulatorListenerOptions {
  verifier: SigV4Verifier | null;
  admin: AdminOptions;
  onInternalError?: (error: unknown) => void;
}

/** The request listener of the standalone emulator. */
export function createEmulatorListener(emulator: Emulator, options: EmulatorListenerOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS_HEADERS, 'x-amzn-RequestId': newRequestId() });
      res.end();
      return;
    }
    if (path.startsWith('/_emulator/')) {
      // Admin routes can wipe state: a web page must not be able to call them (a simple cross-origin POST
      // needs no preflight), so any request a browser marks as coming from a page is refused.
      if (req.method !== 'GET' && (req.headers.origin !== undefined || req.headers['sec-fetch-site'] === 'cross-site')) {
        req.resume();
        res.writeHead(403, { 'Content-Type': 'application/json', 'x-amzn-RequestId': newRequestId() });
        res.end(JSON.stringify({ error: 'Forbidden', message: 'Admin routes cannot be called from a web page (the request carried an Origin header).' }));
        return;
      }
      void handleAdmin(emulator, req, res, options.admin);
      return;
    }
    if (req.method !== 'POST' || path !== '/') {
      const requestId = newRequestId();
      req.resume();
      sendAwsError(res, requestId, new EmulatorError('UnknownOperationException', `${clip(req.method ?? '')} ${clip(path)} is not an operation of this service; use POST / with X-Amz-Target.`), CORS_HEADERS);
      return;
    }
    void handleApiRequest(emulator, req, res, { verifier: options.verifier, extraHeaders: CORS_HEADERS, onInternalError: options.onInternalError });
  };
}
