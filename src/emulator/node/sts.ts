/**
 * The emulator's STS face: GetCallerIdentity in the AWS Query protocol (sts/query.ts), for the credentials the
 * emulator accepts. With --credentials the signature is verified as for CloudHSM, scoped to `sts`; without, any
 * SigV4-signed request is taken, but an unsigned one is refused: GetCallerIdentity says who signed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerThenDrain, BodyTooLargeError, declaredLength, firstHeader, readBody } from '../../node/http';
import { newRequestId } from '../../cloudhsm/protocol';
import { EmulatorError } from '../errors';
import type { CallerIdentity } from '../sts/identity';
import {
  answerStsQuery,
  STS_MAX_SKEW_MINUTES,
  STS_SIGNING_SERVICE,
  StsError,
  stsErrorXml,
  stsSignatureError,
  XML_CONTENT_TYPE,
} from '../sts/query';
import { parseAuthorization, type SigV4Verifier } from './sigv4';

/** Far above any GetCallerIdentity request (43 bytes). */
const MAX_STS_BODY_BYTES = 64 * 1024;

/** A Query-protocol request: a form-encoded POST naming no X-Amz-Target (CloudHSM's JSON 1.1 always does). */
export function isQueryRequest(req: IncomingMessage): boolean {
  const type = firstHeader(req.headers['content-type']) ?? '';
  return req.headers['x-amz-target'] === undefined && /^application\/x-www-form-urlencoded\s*(;|$)/i.test(type);
}

export interface StsRequestOptions {
  identity: CallerIdentity;
  verifier: SigV4Verifier | null;
  extraHeaders?: Record<string, string>;
  onInternalError?: (error: unknown) => void;
}

function send(res: ServerResponse, status: number, xml: string, headers: Record<string, string>): void {
  res.writeHead(status, { 'Content-Type': XML_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(xml), ...headers });
  res.end(xml);
}

async function checkSignature(req: IncomingMessage, body: Buffer, verifier: SigV4Verifier | null): Promise<void> {
  const authorization = firstHeader(req.headers['authorization']);
  if (verifier) {
    const request = { method: req.method ?? 'POST', path: req.url ?? '/', headers: req.headers, body };
    await verifier.verify(request, { service: STS_SIGNING_SERVICE, maxSkewMinutes: STS_MAX_SKEW_MINUTES });
    return;
  }
  if (!authorization) throw new EmulatorError('MissingAuthenticationTokenException', 'Request is missing Authentication Token');
  if (!parseAuthorization(authorization)) {
    throw new EmulatorError(
      'IncompleteSignatureException',
      "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters of an AWS4-HMAC-SHA256 signature.",
    );
  }
}

/** Answers one form-encoded STS request (the body not read yet). */
export async function handleStsRequest(req: IncomingMessage, res: ServerResponse, options: StsRequestOptions): Promise<void> {
  const requestId = newRequestId();
  const headers = { 'x-amzn-RequestId': requestId, ...options.extraHeaders };
  const fail = (error: StsError) => send(res, error.status, stsErrorXml(error, requestId), headers);
  const tooLarge = new StsError('RequestEntityTooLarge', 413, `Request body is larger than ${MAX_STS_BODY_BYTES} bytes.`);
  if (declaredLength(req) > MAX_STS_BODY_BYTES) {
    answerThenDrain(req, res, 413, { 'Content-Type': XML_CONTENT_TYPE, ...headers }, stsErrorXml(tooLarge, requestId));
    return;
  }
  try {
    const body = await readBody(req, MAX_STS_BODY_BYTES);
    await checkSignature(req, body, options.verifier);
    send(res, 200, answerStsQuery(body.toString('utf8'), options.identity, requestId), headers);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      answerThenDrain(req, res, 413, { 'Content-Type': XML_CONTENT_TYPE, ...headers }, stsErrorXml(tooLarge, requestId));
    } else if (error instanceof StsError) fail(error);
    else if (error instanceof EmulatorError) fail(stsSignatureError(error));
    else {
      options.onInternalError?.(error);
      fail(new StsError('InternalFailure', 500, 'The request processing has failed because of an unknown error.'));
    }
  }
}
