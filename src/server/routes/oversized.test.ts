/**
 * Oversized bodies get a 413 every common client reads (issue 10): Python's http.client and botocore send
 * the whole body before reading, so a server that closes as soon as it has answered leaves them with a
 * broken pipe. Both servers (the emulator and the dashboard's /aws/<region>) are tried with Python's
 * http.client (Content-Length and chunked), boto3, Node's http and fetch.
 */
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DRAIN_LIMITS } from '../../node/http';
import { JSON11, rawRequest } from '../testing';
import { emulatorAndDashboard, SERVER_NAMES, type ServerName } from '../testing/emulatorAndDashboard';

const run = promisify(execFile);
const MiB = 1024 * 1024;

/** Python with boto3 is a test dependency; without it these tests cannot say anything. */
const python = await run('python3', ['-c', 'import boto3, http.client']).then(
  () => true,
  () => false,
);

const { servers } = await emulatorAndDashboard();
const urlOf = (name: ServerName): string => servers.find((s) => s.name === name)!.url;

/** Sends `size` bytes with http.client (Content-Length, or chunked) and prints the status and body it read. */
const HTTP_CLIENT = `
import http.client, json, sys, urllib.parse
url, size, chunked = urllib.parse.urlsplit(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == 'chunked'
body = b'{"Filters":{"x":["' + b'y' * (size - 20) + b'"]}}'
headers = {'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'BaldrApiService.DescribeClusters'}
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
try:
    if chunked:
        connection.request('POST', url.path, body=(body[i:i + 65536] for i in range(0, len(body), 65536)), headers=headers, encode_chunked=True)
    else:
        connection.request('POST', url.path, body=body, headers=headers)
    response = connection.getresponse()
    print(json.dumps({'status': response.status, 'body': response.read().decode()}))
except Exception as error:
    print(json.dumps({'error': type(error).__name__ + ': ' + str(error)}))
`;

/** TagResource with a 16 MiB tag value through boto3 (botocore checks no maximum, so it is sent). */
const BOTO3 = `
import boto3, botocore.config, json, sys
client = boto3.client('cloudhsmv2', region_name='us-east-1', endpoint_url=sys.argv[1], aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret',
                      config=botocore.config.Config(retries={'total_max_attempts': 1}, read_timeout=30, connect_timeout=5))
try:
    client.tag_resource(ResourceId='cluster-aaaaaaaaaaa', TagList=[{'Key': 'k', 'Value': 'v' * int(sys.argv[2])}])
    print(json.dumps({'error': 'the call succeeded'}))
except botocore.exceptions.ClientError as error:
    print(json.dumps({'status': error.response['ResponseMetadata']['HTTPStatusCode'], 'code': error.response['Error']['Code'], 'message': error.response['Error']['Message']}))
except Exception as error:
    print(json.dumps({'error': type(error).__name__ + ': ' + str(error)}))
`;

interface PythonAnswer {
  status?: number;
  body?: string;
  code?: string;
  message?: string;
  error?: string;
}

async function python3(script: string, ...args: string[]): Promise<PythonAnswer> {
  const { stdout } = await run('python3', ['-c', script, ...args], { timeout: 60_000, maxBuffer: 4 * MiB });
  return JSON.parse(stdout) as PythonAnswer;
}

function expect413(answer: PythonAnswer, what: string): void {
  expect(answer.error, what).toBeUndefined();
  expect(answer.status, what).toBe(413);
  const body = JSON.parse(answer.body ?? '{}') as { __type?: string; message?: string };
  expect(body.__type, what).toBe('SerializationException');
  expect(body.message, what).toMatch(/larger than/);
}

describe.skipIf(!python).each(SERVER_NAMES)('Python clients, %s', (name) => {
  it.each([8, 16])('http.client sending %i MiB with a Content-Length reads the 413 and its JSON error', async (mib) => {
    expect413(await python3(HTTP_CLIENT, urlOf(name), String(mib * MiB), 'length'), `${name} ${mib} MiB`);
  });

  it('http.client sending 8 MiB chunked (no Content-Length) reads the 413 too', async () => {
    expect413(await python3(HTTP_CLIENT, urlOf(name), String(8 * MiB), 'chunked'), `${name} chunked`);
  });

  it('boto3 TagResource with a 16 MiB tag value gets SerializationException (HTTP 413)', async () => {
    const answer = await python3(BOTO3, urlOf(name), String(16 * MiB));
    expect(answer.error, name).toBeUndefined();
    expect(answer.status, name).toBe(413);
    expect(answer.code, name).toBe('SerializationException');
    expect(answer.message, name).toMatch(/larger than/);
  });
});

describe('after a 413', () => {
  it('after a 413 both servers go on answering', async () => {
    for (const server of servers) {
      const response = await rawRequest(server.url, {
        method: 'POST',
        headers: { 'Content-Type': JSON11, 'X-Amz-Target': 'BaldrApiService.DescribeClusters' },
        body: '{}',
      });
      expect(response.status, server.name).toBe(200);
    }
  });
});

describe('Node clients', () => {
  it('http.request and fetch sending 16 MiB read the 413, on both servers', async () => {
    const body = Buffer.alloc(16 * MiB, 0x20);
    const headers = { 'Content-Type': JSON11, 'X-Amz-Target': 'BaldrApiService.DescribeClusters' };
    for (const server of servers) {
      const viaHttp = await rawRequest(server.url, {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(body.length) },
        body,
      });
      expect(viaHttp.status, server.name).toBe(413);
      expect(viaHttp.headers['connection'], server.name).toBe('close');
      expect((JSON.parse(viaHttp.body) as { __type: string }).__type).toBe('SerializationException');
      const viaFetch = await fetch(server.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(30_000) });
      expect(viaFetch.status, server.name).toBe(413);
      expect(((await viaFetch.json()) as { __type: string }).__type).toBe('SerializationException');
    }
  });

  it('a client that declares a large body and stops sending gets the 413 at once, and is cut off after the drain time', async () => {
    const saved = { ...DRAIN_LIMITS };
    DRAIN_LIMITS.millis = 500;
    try {
      for (const server of servers) {
        const target = new URL(server.url);
        const socket = connect(Number(target.port), target.hostname);
        const started = Date.now();
        let received = '';
        const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
        socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
        socket.on('error', () => {});
        socket.write(
          `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: ${JSON11}\r\nX-Amz-Target: BaldrApiService.DescribeClusters\r\nContent-Length: ${16 * MiB}\r\n\r\n{"x":"`,
        );
        const elapsed = await closed;
        expect(received, server.name).toMatch(/^HTTP\/1\.1 413 /);
        expect(received, server.name).toMatch(/"__type":"SerializationException"/);
        expect(elapsed, server.name).toBeGreaterThanOrEqual(400);
        expect(elapsed, server.name).toBeLessThan(5000);
      }
    } finally {
      Object.assign(DRAIN_LIMITS, saved);
    }
  });
});
