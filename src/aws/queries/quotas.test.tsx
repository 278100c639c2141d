// @vitest-environment happy-dom
/**
 * Quotas and capacity against a tiny local server: the route's answer as given, AWS's defaults (said as such)
 * when the server has no /api/quotas, a server error shown as one, and usage counted from DescribeClusters.
 */
import { renderHook, waitFor } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotaInfo } from '../../cloudhsm/api';
import { createCloudHsmClients } from '../clients';
import { AwsRequestError } from '../errors';
import { providers, testQueryClient } from '../testing/render';
import { fetchQuotas, useRegionCapacity } from './quotas';

const QUOTA: QuotaInfo = { region: 'us-east-1', account: '123456789012', clusters: 5, hsms: 8, hsmsPerCluster: 28, source: 'emulator' };
let quotaAnswer: { status: number; body: string; type: string } = { status: 200, body: JSON.stringify(QUOTA), type: 'application/json' };
const seen: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push(req.url ?? '');
      const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors);
        res.end();
      } else if (req.url?.startsWith('/api/quotas')) {
        res.writeHead(quotaAnswer.status, { ...cors, 'Content-Type': quotaAnswer.type });
        res.end(quotaAnswer.body);
      } else {
        const hsms = (n: number) => Array.from({ length: n }, (_, i) => ({ HsmId: `hsm-abcdefghij${i}`, State: 'ACTIVE' }));
        res.writeHead(200, { ...cors, 'Content-Type': 'application/x-amz-json-1.1' });
        res.end(
          JSON.stringify({
            Clusters: [
              { ClusterId: 'cluster-aaaaaaaaaaa', State: 'ACTIVE', Hsms: hsms(3) },
              { ClusterId: 'cluster-bbbbbbbbbbb', State: 'UNINITIALIZED', Hsms: hsms(1) },
              { ClusterId: 'cluster-ccccccccccc', State: 'DELETED', Hsms: [] },
            ],
          }),
        );
      }
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('fetchQuotas', () => {
  it('reads the route, with the account when one is asked for', async () => {
    quotaAnswer = { status: 200, body: JSON.stringify(QUOTA), type: 'application/json' };
    expect(await fetchQuotas(baseUrl, 'us-east-1', '210987654321')).toEqual(QUOTA);
    expect(seen.at(-1)).toBe('/api/quotas?region=us-east-1&account=210987654321');
  });

  it('falls back to AWS’s defaults, saying why, when the server has no such route', async () => {
    quotaAnswer = { status: 404, body: 'Not found', type: 'text/plain' };
    expect(await fetchQuotas(baseUrl, 'eu-west-1')).toEqual({
      region: 'eu-west-1',
      account: '',
      clusters: 4,
      hsms: 6,
      hsmsPerCluster: 28,
      source: 'aws-default',
      note: 'the dashboard server does not answer GET /api/quotas (404)',
    });
  });

  it('a server error stays an error (not a silent default)', async () => {
    quotaAnswer = { status: 500, body: JSON.stringify({ __type: 'InternalError', message: 'boom' }), type: 'application/json' };
    const failure = await fetchQuotas(baseUrl, 'eu-west-1').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AwsRequestError);
    expect((failure as AwsRequestError).info).toMatchObject({ code: 'InternalError', status: 500, operation: 'GET /api/quotas' });
  });
});

describe('useRegionCapacity', () => {
  it('gives the quotas and the usage of the clusters not DELETED', async () => {
    quotaAnswer = { status: 200, body: JSON.stringify(QUOTA), type: 'application/json' };
    const wrapper = providers(testQueryClient(), createCloudHsmClients({ baseUrl, maxAttempts: 1 }));
    const { result } = renderHook(() => useRegionCapacity('us-east-1'), { wrapper });
    await waitFor(() => expect(result.current.isPending).toBe(false));
    expect(result.current.error).toBeNull();
    expect(result.current.quota).toEqual(QUOTA);
    expect(result.current.usage).toEqual({ clusters: 2, hsms: 4 });
  });
});
