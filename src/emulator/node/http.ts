/**
 * The emulator's HTTP face for the AWS API: AWS JSON 1.1 (`POST /`, `X-Amz-Target: BaldrApiService.<Op>`), CORS
 * for browser clients and optional SigV4 verification. The admin routes are in admin.ts, the listener that
 * sends each request its way in listener.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerThenDrain, BodyTooLargeError, declaredLength, firstHeader, readBody } from '../../node/http';
import type { Emulator } from '../emulator';
import { clip } from '../../cloudhsm/clip';
import { errorBody, JSON_CONTENT_TYPE, newRequestId, TARGET_PREFIX } from '../../cloudhsm/protocol';
import { EmulatorError } from '../errors';
import { isOperationName } from '../../cloudhsm/operations';
import { isCloudHsmRegion } from '../../cloudhsm/regions';
import { regionOf, type SigV4Verifier } from './sigv4';
import { serializeOutputParts } from '../wire';

/** Far above the largest valid request (InitializeCluster: two 20,000-character certificates). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** On every answer: browser clients (a page using an SDK) may call the emulator from any origin. */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers':
    'authorization, content-type, x-amz-target, x-amz-date, x-amz-security-token, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request, x-amz-content-sha256',
  'Access-Control-Expose-Headers': 'x-amzn-requestid, x-amzn-errortype',
  'Access-Control-Max-Age': '600',
};

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

export function sendAwsError(
  res: ServerResponse,
  requestId: string,
  error: EmulatorError,
  extraHeaders: Record<string, string> = {},
): void {
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
  return new EmulatorError(
    'CloudHsmInternalFailureException',
    'The request was rejected because of an AWS CloudHSM internal failure. The request can be retried.',
  );
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
export async function handleApiRequest(
  emulator: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  options: ApiRequestOptions = {},
): Promise<void> {
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
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) refuseTooLarge(req, res, requestId, MAX_BODY_BYTES, extra);
    else fail(toEmulatorError(error));
    return;
  }
  try {
    // The caller's account (its key's, or an assumed role's); without a verifier, the emulator's own.
    const caller = options.verifier
      ? await options.verifier.verify({ method: req.method ?? 'POST', path: req.url ?? '/', headers: req.headers, body })
      : null;
    const targetText = firstHeader(req.headers['x-amz-target']);
    // Header values are quoted clipped: they are the client's text.
    if (!targetText || !targetText.startsWith(TARGET_PREFIX)) {
      throw new EmulatorError(
        'UnknownOperationException',
        targetText ? `Unknown operation ${clip(targetText)}.` : 'Missing X-Amz-Target header.',
      );
    }
    const operation = targetText.slice(TARGET_PREFIX.length);
    const input = parseRequestBody(body);
    if (!isOperationName(operation))
      throw new EmulatorError('UnknownOperationException', `Operation ${clip(operation)} is not supported by CloudHSM V2.`);
    const region = options.region ?? regionOf(firstHeader(req.headers['authorization']));
    if (!isCloudHsmRegion(region)) {
      throw new EmulatorError(
        'UnrecognizedClientException',
        `Region ${clip(region)} does not offer CloudHSM; no CloudHSM endpoint exists there.`,
      );
    }
    const headers = { 'x-amzn-RequestId': requestId, ...extra };
    const output = await emulator.handle(operation, input, { region, ...(caller && { account: caller.Account }) });
    sendJsonParts(res, serializeOutputParts(output), headers);
  } catch (error) {
    const typed = toEmulatorError(error);
    if (typed.status >= 500) options.onInternalError?.(error);
    fail(typed);
  }
}
