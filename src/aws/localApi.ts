/**
 * The one client for the local server's own routes (`/api/session`, `/api/network`, `/api/emulator/...`):
 * JSON in and out, react-query's `signal` passed on, and failures as AwsRequestError so views show them like
 * any CloudHSM error (code, message, request id). CloudHSM calls go through the SDK clients instead.
 */
import type { LocalApiErrorBody } from '../cloudhsm/api';
import { AwsRequestError } from './errors';

export interface LocalApiRequest {
  /** Origin of the local server; the page's own when absent. */
  baseUrl?: string;
  /** The route, e.g. `/api/network?region=us-east-1`. */
  path: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
  /** What the call is for, in the error a view shows ("read the session", "ActivateCluster (emulator)"). */
  operation: string;
  region?: string;
}

const originOf = (baseUrl: string | undefined): string => (baseUrl ?? window.location.origin).replace(/\/+$/, '');

export async function requestLocalApi<T>({
  baseUrl,
  path,
  method = 'GET',
  body,
  signal,
  operation,
  region = '',
}: LocalApiRequest): Promise<T> {
  const context = { operation, region };
  let response: Response;
  try {
    response = await fetch(`${originOf(baseUrl)}${path}`, {
      method,
      headers: { Accept: 'application/json', ...(body !== undefined && { 'Content-Type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      ...(signal && { signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AwsRequestError(
      { ...context, code: 'NetworkError', message, retryable: true, title: 'The dashboard server could not be reached' },
      { cause: error },
    );
  }
  const text = await response.text();
  const requestId = response.headers.get('x-amzn-RequestId') ?? undefined;
  let parsed: unknown;
  // A static server (or a stale SPA build on another host) answers HTML here.
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  try {
    parsed = isJson ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.ok && parsed !== undefined) return parsed as T;
  const refusal = (parsed ?? {}) as LocalApiErrorBody;
  throw new AwsRequestError({
    ...context,
    code: refusal.__type ?? (response.ok ? 'NotJsonAnswer' : `HTTP${response.status}`),
    message:
      refusal.message ??
      (response.ok
        ? `${method} ${path.split('?')[0]} did not answer JSON: is the page served by the dashboard server (npm start)?`
        : `${method} ${path.split('?')[0]} answered ${response.status}: ${text.slice(0, 200)}`),
    status: response.status,
    ...(requestId !== undefined && { requestId }),
    retryable: response.status >= 500,
    title: response.ok ? 'Unexpected answer' : response.status >= 500 ? 'Server error' : 'Request refused',
  });
}
