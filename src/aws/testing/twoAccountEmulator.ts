/**
 * An in-process emulator core behind a bare HTTP front with the dashboard server's routes, `/aws/<region>`
 * for the base account and `/aws/<account>/<region>` for any other: for tests of what crosses accounts
 * (a backup another account shares), which the single-account test backend cannot hold. It answers the
 * AWS JSON 1.1 protocol as the emulator does, and nothing else (no origin checks, no read-only mode).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSON_CONTENT_TYPE, TARGET_PREFIX } from '../../cloudhsm/protocol';
import { DEFAULT_ACCOUNT, Emulator } from '../../emulator/emulator';
import { EmulatorError } from '../../emulator/errors';
import type { BackupRecord } from '../../emulator/types';
import { serializeOutput } from '../../emulator/wire';

export interface TwoAccountEmulator {
  url: string;
  emulator: Emulator;
  /** The account of `/aws/<region>`. */
  baseAccount: string;
  /** Puts a READY backup straight into `owner`'s store in `region`, with `policy` (a resource policy) if given. */
  putBackup(owner: string, region: string, backup: { id: string; clusterId: string; ageSeconds?: number; policy?: string }): BackupRecord;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}

export async function startTwoAccountEmulator(): Promise<TwoAccountEmulator> {
  const emulator = new Emulator();
  const server = createServer((request, response) => {
    const answer = (status: number, body: unknown, errorType?: string) => {
      response.writeHead(status, {
        'Content-Type': JSON_CONTENT_TYPE,
        'x-amzn-RequestId': 'test-request',
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': '*',
        ...(errorType && { 'x-amzn-ErrorType': errorType }),
      });
      response.end(body instanceof Uint8Array ? body : JSON.stringify(body));
    };
    if (request.method === 'OPTIONS') return answer(204, '');
    const path = /^\/aws\/(?:(\d{12})\/)?([a-z0-9-]+)\/?$/.exec(new URL(request.url ?? '/', 'http://localhost').pathname);
    const target = String(request.headers['x-amz-target'] ?? '');
    if (!path || !target.startsWith(TARGET_PREFIX)) return answer(404, { __type: 'NotFound', message: 'No such route.' }, 'NotFound');
    const [, account, region] = path as unknown as [string, string | undefined, string];
    bodyOf(request)
      .then((body) => emulator.handle(target.slice(TARGET_PREFIX.length), body, { region, ...(account && { account }) }))
      .then(
        (output) => answer(200, serializeOutput(output)),
        (error: unknown) => {
          if (error instanceof EmulatorError) answer(error.status, { __type: error.type, message: error.message }, error.type);
          else answer(500, { __type: 'CloudHsmInternalFailureException', message: String(error) }, 'CloudHsmInternalFailureException');
        },
      );
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    emulator,
    baseAccount: DEFAULT_ACCOUNT,
    putBackup(owner, region, { id, clusterId, ageSeconds = 0, policy }) {
      const state = emulator.store.region(owner, region);
      const record: BackupRecord = {
        BackupId: id,
        ClusterId: clusterId,
        CreateTimestamp: emulator.now() - ageSeconds,
        BackupState: 'READY',
        NeverExpires: false,
        HsmType: 'hsm2m.medium',
        Mode: 'FIPS',
        Tags: [],
        ...(policy !== undefined && { Policy: policy }),
      };
      emulator.store.putBackup(state, record);
      return record;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
