/**
 * The emulator's admin routes, outside the AWS API (`/_emulator/...`): clock, activation, HSM health, network,
 * reset. JSON in and out; errors as `{"error", "message"}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clip, MAX_MESSAGE_CHARS } from '../../cloudhsm/clip';
import { isAccountId } from '../../cloudhsm/ids';
import { newRequestId } from '../../cloudhsm/protocol';
import { answerThenDrain, BodyTooLargeError, declaredLength, readBody } from '../../node/http';
import type { Emulator } from '../emulator';
import { EmulatorError } from '../errors';
import { CORS_HEADERS, MAX_BODY_BYTES } from './http';

export interface AdminOptions {
  /** Re-seeds after /_emulator/reset (the seed the emulator started with). */
  reseed: () => Promise<void>;
}

interface AdminRequest {
  emulator: Emulator;
  url: URL;
  body: Record<string, unknown>;
  admin: AdminOptions;
}

const OK = { ok: true };

/** A required short string member of the body. */
function str(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '')
    throw new EmulatorError('CloudHsmInvalidRequestException', `"${name}" (a string) is required.`);
  // Regions and ids are short; a longer string would only be quoted back in a "not found" message.
  if (value.length > 64) throw new EmulatorError('CloudHsmInvalidRequestException', `"${name}" is longer than 64 characters.`);
  return value;
}

/** Each route's answer (200), by `METHOD /path`. */
const ROUTES: Record<string, (request: AdminRequest) => unknown> = {
  'GET /_emulator/network': ({ emulator, url }) => {
    const region = url.searchParams.get('region') ?? 'us-east-1';
    // Another account's network (?account=), for a client that acts in that account with its own key.
    const account = url.searchParams.get('account') ?? emulator.config.account;
    if (!isAccountId(account))
      throw new EmulatorError('CloudHsmInvalidRequestException', `"account" must be 12 digits, got "${clip(account, 40)}".`);
    return { region: clip(region), account, ...emulator.network(region, account) };
  },
  'GET /_emulator/clock': ({ emulator }) => ({
    now: emulator.now(),
    offsetSeconds: emulator.store.clockOffsetSeconds,
    speed: emulator.config.speed,
  }),
  'POST /_emulator/advance-clock': ({ emulator, body }) => {
    const seconds = body['seconds'];
    if (typeof seconds !== 'number') throw new EmulatorError('CloudHsmInvalidRequestException', '"seconds" (a number) is required.');
    return { now: emulator.advanceClock(seconds) };
  },
  'POST /_emulator/activate-cluster': ({ emulator, body }) => {
    emulator.activateCluster(str(body, 'region'), str(body, 'clusterId'));
    return OK;
  },
  'POST /_emulator/degrade-hsm': ({ emulator, body }) => {
    emulator.setHsmHealth(str(body, 'region'), str(body, 'hsmId'), 'DEGRADED');
    return OK;
  },
  'POST /_emulator/recover-hsm': ({ emulator, body }) => {
    emulator.setHsmHealth(str(body, 'region'), str(body, 'hsmId'), 'ACTIVE');
    return OK;
  },
  'POST /_emulator/reset': async ({ admin }) => {
    await admin.reseed();
    return OK;
  },
};

function sendAdmin(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  if (status === 413) {
    answerThenDrain(res.req, res, 413, { 'Content-Type': 'application/json', 'x-amzn-RequestId': newRequestId(), ...CORS_HEADERS }, text);
    return;
  }
  // A request id on every response, admin ones included, so logs and bug reports can name any answer.
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': newRequestId(),
    ...CORS_HEADERS,
  });
  res.end(text);
}

/** The JSON object a POST carries ({} when empty). */
async function readAdminBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (req.method !== 'POST') return {};
  if (declaredLength(req) > MAX_BODY_BYTES) throw new BodyTooLargeError(`Request body is larger than ${MAX_BODY_BYTES} bytes.`);
  const text = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
  if (!text.trim()) return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new EmulatorError('SerializationException', 'Expected a JSON object.');
  return parsed as Record<string, unknown>;
}

function sendAdminError(res: ServerResponse, error: unknown): void {
  if (error instanceof EmulatorError) sendAdmin(res, error.status, { error: error.type, message: clip(error.message, MAX_MESSAGE_CHARS) });
  else if (error instanceof SyntaxError)
    sendAdmin(res, 400, { error: 'SerializationException', message: 'The request body is not valid JSON.' });
  else if (error instanceof BodyTooLargeError) sendAdmin(res, 413, { error: 'SerializationException', message: error.message });
  else sendAdmin(res, 500, { error: 'InternalFailure', message: clip(String(error), MAX_MESSAGE_CHARS) });
}

export async function handleAdmin(emulator: Emulator, req: IncomingMessage, res: ServerResponse, admin: AdminOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  try {
    const body = await readAdminBody(req);
    const answer = Object.hasOwn(ROUTES, route) ? ROUTES[route] : undefined;
    if (!answer) {
      sendAdmin(res, 404, { error: 'NotFound', message: `No admin route ${clip(route)}.` });
      return;
    }
    sendAdmin(res, 200, await answer({ emulator, url, body, admin }));
  } catch (error) {
    sendAdminError(res, error);
  }
}
