/**
 * A middleware pair on the SDK client that recovers the members SDK 3.332 drops (see extras.ts):
 *
 *  - `captureRawJsonBody` sits innermost in the deserialize step, between the request handler and the
 *    SDK's deserializer. It reads a successful response's body once with the client's own
 *    `streamCollector` (Node: an IncomingMessage; browser: a ReadableStream or Blob), parses it, and puts
 *    the bytes back as a Uint8Array, which the SDK's `collectBody` passes through unchanged.
 *  - `mergeDroppedMembers` sits outermost in the deserialize step, sees the typed output the deserializer
 *    made from the same response, and copies the dropped members back onto it.
 *
 * Error responses are not touched: the SDK's error deserializer reads them as usual.
 */
import type { CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';
import type { DeserializeHandlerArguments, DeserializeHandlerOutput, DeserializeMiddleware } from '@smithy/types';
import { mergeDroppedMembers } from './extras';

type StreamCollector = (stream: unknown) => Promise<Uint8Array>;

export const CAPTURE_MIDDLEWARE_NAME = 'cloudHsmCaptureRawJsonBody';
export const MERGE_MIDDLEWARE_NAME = 'cloudHsmMergeDroppedMembers';

/** Raw JSON bodies by response object: the two middlewares see the same response object. */
const rawBodies = new WeakMap<object, unknown>();

interface ResponseLike {
  statusCode: number;
  body?: unknown;
}

const isResponse = (value: unknown): value is ResponseLike =>
  typeof value === 'object' && value !== null && typeof (value as { statusCode?: unknown }).statusCode === 'number';

function parseJson(bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // the SDK's deserializer reports the bad body
  }
}

export function captureRawJsonBody<I extends object, O extends object>(streamCollector: StreamCollector): DeserializeMiddleware<I, O> {
  return (next) =>
    async (args: DeserializeHandlerArguments<I>): Promise<DeserializeHandlerOutput<O>> => {
      const result = await next(args);
      const response = result.response;
      if (isResponse(response) && response.statusCode >= 200 && response.statusCode < 300 && response.body != null) {
        const bytes = response.body instanceof Uint8Array ? response.body : await streamCollector(response.body);
        response.body = bytes;
        rawBodies.set(response, parseJson(bytes));
      }
      return result;
    };
}

export function mergeDroppedMembersMiddleware<I extends object, O extends object>(): DeserializeMiddleware<I, O> {
  return (next) =>
    async (args: DeserializeHandlerArguments<I>): Promise<DeserializeHandlerOutput<O>> => {
      const result = await next(args);
      const response = result.response;
      if (typeof response === 'object' && response !== null && rawBodies.has(response)) {
        mergeDroppedMembers(result.output, rawBodies.get(response));
        rawBodies.delete(response);
      }
      return result;
    };
}

/** Installs both middlewares on a client (idempotent). */
export function installDroppedMembersExtension(client: CloudHSMV2Client): void {
  const stack = client.middlewareStack;
  stack.remove(CAPTURE_MIDDLEWARE_NAME);
  stack.remove(MERGE_MIDDLEWARE_NAME);
  const collector: StreamCollector = (stream) => client.config.streamCollector(stream);
  stack.add(captureRawJsonBody(collector), { step: 'deserialize', priority: 'low', name: CAPTURE_MIDDLEWARE_NAME });
  stack.add(mergeDroppedMembersMiddleware(), { step: 'deserialize', priority: 'high', name: MERGE_MIDDLEWARE_NAME });
}
