/**
 * Test helpers for the wire-protocol suites (test/requests/): requests with exactly the headers given, and
 * checks of the AWS JSON 1.1 error shape.
 */
import { expect } from 'vitest';
import { JSON_CONTENT_TYPE, TARGET_PREFIX } from '../../cloudhsm/protocol';

export const JSON_11 = JSON_CONTENT_TYPE;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface WireResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** A request with exactly the headers given (no defaults), so missing or odd headers can be tested. */
export async function send(
  url: string,
  init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> },
): Promise<WireResponse> {
  const response = await fetch(`${url}${init.path ?? '/'}`, {
    method: init.method ?? 'POST',
    headers: init.headers ?? {},
    body: init.body,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export const target = (operation: string): Record<string, string> => ({
  'Content-Type': JSON_11,
  'X-Amz-Target': `${TARGET_PREFIX}${operation}`,
});

/** Parses an AWS JSON error body and checks its shape: exactly `__type` and `message`, both strings. */
export function errorBody(response: WireResponse): { __type: string; message: string } {
  const body = JSON.parse(response.text) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['__type', 'message']);
  expect(typeof body['__type']).toBe('string');
  expect(typeof body['message']).toBe('string');
  expect((body['message'] as string).length).toBeGreaterThan(0);
  return body as { __type: string; message: string };
}

export function expectAwsError(response: WireResponse, status: number, type: string): { __type: string; message: string } {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toBe(JSON_11);
  expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
  const body = errorBody(response);
  expect(body.__type).toBe(type);
  return body;
}
