/** What every route shares: what it is given, and how it answers (JSON, refusals, 413 before the body). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DashboardApiError, sendApiError, sendApiErrorThenDrain } from '../apiErrors';
import type { Backend } from '../backend';
import { API_HEADERS } from '../security/checks';

export interface RouteContext {
  backend: Backend;
  /** --read-only: every mutating operation is refused. */
  readOnly: boolean;
  /** --residency-tag-key, told to the browser in /api/session. */
  residencyTagKey: string;
  /** --poll-seconds, told to the browser in /api/session. */
  pollSeconds?: number;
  /** Largest accepted /aws request body. */
  maxBodyBytes: number;
  log: (line: string) => void;
}

/** Answers one request whose path it owns (the security checks have passed). */
export type Route = (req: IncomingMessage, res: ServerResponse, context: RouteContext) => Promise<void>;

export function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    ...API_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

/** Answered before anything else, for every path: a page on another host name must learn nothing. */
export function sendMisdirected(res: ServerResponse, message: string): void {
  res.writeHead(421, { ...API_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(message)) });
  res.end(message);
}

/** A refusal in the AWS error shape; what the client still sends is drained, so it reads the answer instead of a reset connection. */
export function refuse(req: IncomingMessage, res: ServerResponse, requestId: string, error: DashboardApiError): void {
  req.resume();
  sendApiError(res, requestId, error, API_HEADERS);
}

/** 413, sent before the body is read and then drained, so that clients still uploading read it. */
export function tooLarge(req: IncomingMessage, res: ServerResponse, requestId: string, message: string): void {
  sendApiErrorThenDrain(req, res, requestId, new DashboardApiError('SerializationException', 413, message), API_HEADERS);
}

/** The path without its query. */
export function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}
