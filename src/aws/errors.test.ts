/** Error mapping, fed with real failures: SDK exceptions from the dashboard server, refused connections, odd throws. */
import { CreateClusterCommand, DeleteBackupCommand, DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { FetchHttpHandler, streamCollector } from '@aws-sdk/fetch-http-handler';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCloudHsmClients } from './clients';
import { AwsRequestError, toAwsErrorInfo, withAwsErrors } from './errors';
import { testBackendPerFile } from './testing/backend';
import { withCannedServer } from './testing/cannedServer';

const REGION = 'us-west-2';
const ctx = (operation: string) => ({ operation, region: REGION });
const backend = testBackendPerFile({ seed: 'empty' });
/** A port nothing listens on (a server was there and closed). */
let closedPort: number;

beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

const client = (baseUrl = backend.url, clientConfig = {}) =>
  createCloudHsmClients({ baseUrl, maxAttempts: 1, clientConfig }).forRegion(REGION);
const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

describe('toAwsErrorInfo', () => {
  it('maps a CloudHsmResourceNotFoundException from the server: code, message, request id, status; not retryable', async () => {
    const error = await failure(client().send(new DeleteBackupCommand({ BackupId: 'backup-aaaaaaaaaaa' })));
    const info = toAwsErrorInfo(error, ctx('DeleteBackup'));
    expect(info).toEqual({
      code: 'CloudHsmResourceNotFoundException',
      message: expect.stringMatching(/backup-aaaaaaaaaaa/),
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 400,
      operation: 'DeleteBackup',
      region: REGION,
      retryable: false,
      title: 'Not found',
    });
  });

  it('maps a CloudHsmInvalidRequestException (validation) with the server’s message', async () => {
    const error = await failure(client().send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: ['not-a-subnet'] })));
    expect(toAwsErrorInfo(error, ctx('CreateCluster'))).toMatchObject({
      code: 'CloudHsmInvalidRequestException',
      title: 'Invalid request',
      status: 400,
      retryable: false,
    });
  });

  it('marks a 5xx answer retryable, whatever its code', async () => {
    const answer = { status: 500, requestId: 'req-500', body: { __type: 'CloudHsmInternalFailureException', message: 'boom' } };
    const error = await withCannedServer(answer, (baseUrl) => failure(client(baseUrl).send(new DescribeClustersCommand({}))));
    expect(toAwsErrorInfo(error, ctx('DescribeClusters'))).toMatchObject({
      code: 'CloudHsmInternalFailureException',
      message: 'boom',
      requestId: 'req-500',
      status: 500,
      retryable: true,
      title: 'CloudHSM internal failure',
    });
  });

  it.each([
    ['EndpointTimeoutException', 504],
    ['EndpointUnreachableException', 502],
  ] as const)("does not mark the server's own %s (%i) retryable (it already waited; the SDK already retried)", async (type, status) => {
    const answer = { status, requestId: 'req', body: { __type: type, message: 'gave up' } };
    const error = await withCannedServer(answer, (baseUrl) => failure(client(baseUrl).send(new DescribeClustersCommand({}))));
    expect(toAwsErrorInfo(error, ctx('DescribeClusters'))).toMatchObject({ code: type, status, retryable: false });
  });

  it('maps a refused connection (Node handler) to a retryable NetworkError without status or request id', async () => {
    const error = await failure(client(`http://127.0.0.1:${closedPort}`).send(new DescribeClustersCommand({})));
    const info = toAwsErrorInfo(error, ctx('DescribeClusters'));
    expect(info).toMatchObject({ code: 'NetworkError', retryable: true, title: 'Cannot reach the server' });
    expect(info.status).toBeUndefined();
    expect(info.requestId).toBeUndefined();
  });

  it('maps the browser handler’s TypeError (“fetch failed”) to a NetworkError too', async () => {
    const raw = await failure(fetch(`http://127.0.0.1:${closedPort}/`));
    expect(raw).toBeInstanceOf(TypeError);
    expect(toAwsErrorInfo(raw, ctx('DescribeClusters'))).toMatchObject({ code: 'NetworkError', retryable: true });
    const viaSdk = await failure(
      client(`http://127.0.0.1:${closedPort}`, { requestHandler: new FetchHttpHandler(), streamCollector }).send(
        new DescribeClustersCommand({}),
      ),
    );
    expect(toAwsErrorInfo(viaSdk, ctx('DescribeClusters'))).toMatchObject({
      code: 'NetworkError',
      message: expect.stringMatching(/fetch failed/),
    });
    // And what browsers say.
    expect(toAwsErrorInfo(new TypeError('Failed to fetch'), ctx('X')).code).toBe('NetworkError');
    expect(toAwsErrorInfo(new TypeError('NetworkError when attempting to fetch resource.'), ctx('X')).code).toBe('NetworkError');
  });

  it('maps unknown shapes without throwing', () => {
    expect(toAwsErrorInfo('kaput', ctx('X'))).toMatchObject({
      code: 'UnknownError',
      message: 'kaput',
      retryable: false,
      title: 'Unexpected error',
    });
    expect(toAwsErrorInfo(undefined, ctx('X'))).toMatchObject({ code: 'UnknownError', message: expect.stringMatching(/undefined/) });
    expect(toAwsErrorInfo({ weird: true }, ctx('X'))).toMatchObject({ code: 'UnknownError', message: '{"weird":true}' });
    expect(toAwsErrorInfo(new RangeError('bad index'), ctx('X'))).toMatchObject({
      code: 'RangeError',
      message: 'bad index',
      retryable: false,
    });
    expect(toAwsErrorInfo(new Error('plain'), ctx('X'))).toMatchObject({ code: 'UnknownError', message: 'plain' });
    const abort = new Error('Request aborted');
    abort.name = 'AbortError';
    expect(toAwsErrorInfo(abort, ctx('X'))).toMatchObject({ code: 'AbortError', retryable: false });
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(toAwsErrorInfo(circular, ctx('X')).code).toBe('UnknownError');
  });

  it('withAwsErrors throws an AwsRequestError carrying the info and the original cause', async () => {
    const error = await failure(
      withAwsErrors(ctx('DeleteBackup'), () => client().send(new DeleteBackupCommand({ BackupId: 'backup-aaaaaaaaaaa' }))),
    );
    expect(error).toBeInstanceOf(AwsRequestError);
    const typed = error as AwsRequestError;
    expect(typed.info.code).toBe('CloudHsmResourceNotFoundException');
    expect(typed.message).toMatch(/^DeleteBackup in us-west-2 failed: CloudHsmResourceNotFoundException: /);
    expect((typed.cause as Error).name).toBe('CloudHsmResourceNotFoundException');
    // Mapping an already mapped error keeps its info.
    expect(toAwsErrorInfo(typed, ctx('Other'))).toBe(typed.info);
  });
});
