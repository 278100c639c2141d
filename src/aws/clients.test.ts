import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribeClustersCommand, TagResourceCommand } from '@aws-sdk/client-cloudhsm-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudHsmClients } from './clients';

describe('endpoints', () => {
  it('the base account (no account) calls /aws/<region>, another account /aws/<account>/<region>, one client each', () => {
    const clients = createCloudHsmClients({ baseUrl: 'http://127.0.0.1:9/' });
    expect(clients.endpointFor('us-east-1')).toBe('http://127.0.0.1:9/aws/us-east-1');
    expect(clients.endpointFor('us-east-1', '222233334444')).toBe('http://127.0.0.1:9/aws/222233334444/us-east-1');
    expect(clients.forRegion('us-east-1')).toBe(clients.forRegion('us-east-1', undefined));
    expect(clients.forRegion('us-east-1', '222233334444')).not.toBe(clients.forRegion('us-east-1'));
    expect(clients.forMutation('us-east-1', '222233334444')).toBe(clients.forMutation('us-east-1', '222233334444'));
    clients.destroy();
  });
});

/** An upstream that always fails with a retryable 500 and counts what reaches it, by operation. */
describe('retries', () => {
  let server: Server;
  let url = '';
  const seen = new Map<string, number>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      const target = String(req.headers['x-amz-target'] ?? '');
      seen.set(target, (seen.get(target) ?? 0) + 1);
      req.resume();
      res.writeHead(500, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'r' });
      res.end(JSON.stringify({ __type: 'CloudHsmInternalFailureException', message: 'boom' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a mutation is sent exactly once, even on a retryable 5xx (AWS may have carried it out)', async () => {
    const clients = createCloudHsmClients({ baseUrl: url });
    await expect(
      clients
        .forMutation('us-east-1')
        .send(new TagResourceCommand({ ResourceId: 'cluster-abcdefghijk', TagList: [{ Key: 'k', Value: 'v' }] })),
    ).rejects.toMatchObject({ name: 'CloudHsmInternalFailureException' });
    expect(seen.get('BaldrApiService.TagResource')).toBe(1);
    clients.destroy();
  });

  it('a read is retried', async () => {
    const clients = createCloudHsmClients({ baseUrl: url });
    await expect(clients.forRegion('us-east-1').send(new DescribeClustersCommand({}))).rejects.toMatchObject({
      name: 'CloudHsmInternalFailureException',
    });
    expect(seen.get('BaldrApiService.DescribeClusters')).toBeGreaterThan(1);
    clients.destroy();
  }, 20_000);
});
