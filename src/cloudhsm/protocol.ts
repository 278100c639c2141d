/**
 * How CloudHSM V2 is spoken on the wire: AWS JSON 1.1, one POST per call naming the operation in
 * X-Amz-Target, signed with SigV4 under the signing name `cloudhsm`, errors as `{"__type", "message"}`.
 * Shared by the browser's client, the local server's proxy and the emulator's HTTP face.
 */
import { clip, MAX_MESSAGE_CHARS } from './clip';

/** X-Amz-Target is `BaldrApiService.<Operation>`. */
export const TARGET_PREFIX = 'BaldrApiService.';
export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
/** The SigV4 signing name (the credential scope's service); the endpoint's host name says `cloudhsmv2`. */
export const SIGNING_SERVICE = 'cloudhsm';

/** The service's endpoint in a region. */
export const endpointOf = (region: string): string => `https://cloudhsmv2.${region}.amazonaws.com/`;

/** An x-amzn-RequestId: a random UUID, as AWS gives (Web Crypto, so it runs anywhere). */
export const newRequestId = (): string => globalThis.crypto.randomUUID();

/** An error answer's body: `message` bounded whatever it quotes. */
export function errorBody(type: string, message: string): string {
  return JSON.stringify({ __type: type, message: clip(message, MAX_MESSAGE_CHARS) });
}
