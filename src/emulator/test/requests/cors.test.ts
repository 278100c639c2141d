/**
 * The emulator's CORS answers for browser clients, and its admin routes (which a web page may not call).
 */
import { describe, expect, it } from 'vitest';
import { send, target, UUID } from '../../testing/wire';
import { emulatorForThisFile } from '../../testing/perFile';

const { url } = await emulatorForThisFile();

describe('CORS', () => {
  it('answers a preflight with 204 and the headers a browser SDK client needs', async () => {
    const response = await send(url, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'authorization,content-type,x-amz-target,x-amz-date,amz-sdk-invocation-id,amz-sdk-request,x-amz-user-agent',
      },
    });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const methods = (response.headers.get('access-control-allow-methods') ?? '').split(',').map((s) => s.trim().toUpperCase());
    expect(methods).toContain('POST');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(',').map((s) => s.trim().toLowerCase());
    for (const header of [
      'authorization',
      'content-type',
      'x-amz-target',
      'x-amz-date',
      'x-amz-security-token',
      'x-amz-user-agent',
      'amz-sdk-invocation-id',
      'amz-sdk-request',
      'x-amz-content-sha256',
    ]) {
      expect(allowed, header).toContain(header);
    }
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(',').map((s) => s.trim().toLowerCase());
    expect(exposed).toContain('x-amzn-requestid');
    expect(exposed).toContain('x-amzn-errortype');
  });

  it('puts Access-Control-Allow-Origin and the exposed headers on answers and errors, so a browser can read them', async () => {
    const ok = await send(url, { headers: { ...target('DescribeClusters'), Origin: 'http://localhost:5173' }, body: '{}' });
    const error = await send(url, { headers: { ...target('DeleteCluster'), Origin: 'http://localhost:5173' }, body: '{}' });
    const unknown = await send(url, { headers: { 'X-Amz-Target': 'BaldrApiService.Nope', Origin: 'http://localhost:5173' }, body: '{}' });
    for (const response of [ok, error, unknown]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect((response.headers.get('access-control-expose-headers') ?? '').toLowerCase()).toContain('x-amzn-requestid');
    }
    expect(ok.status).toBe(200);
    expect(error.status).toBe(400);
  });
});

describe('admin routes', () => {
  it('answer JSON with CORS headers and a request id', async () => {
    const response = await send(url, { method: 'GET', path: '/_emulator/clock' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
    const body = JSON.parse(response.text) as { now: unknown; speed: unknown };
    expect(typeof body.now).toBe('number');
  });

  it('an unknown admin route is 404 and bad JSON is 400, each with a request id', async () => {
    const missing = await send(url, { method: 'GET', path: '/_emulator/nope' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-amzn-requestid')).toMatch(UUID);
    const bad = await send(url, { path: '/_emulator/advance-clock', headers: { 'Content-Type': 'application/json' }, body: '{"seconds":' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-amzn-requestid')).toMatch(UUID);
  });
});
