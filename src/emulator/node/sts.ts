/**
 * The emulator's STS face: GetCallerIdentity and AssumeRole in the AWS Query protocol (sts/query.ts), for the
 * credentials the emulator accepts. With --credentials the signature is verified as for CloudHSM, scoped to
 * `sts`; without, any SigV4-signed request is taken (an issued session's is checked), but an unsigned one is
 * refused: STS says who signed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerThenDrain, BodyTooLargeError, declaredLength, firstHeader, readBody } from '../../node/http';
import { newRequestId } from '../../cloudhsm/protocol';
import { EmulatorError } from '../errors';
import type { AssumeRoleRequest } from '../sts/assumeRole';
import type { Principals } from '../sts/principals';
import {
  answerStsQuery,
  STS_MAX_SKEW_MINUTES,
  STS_SIGNING_SERVICE,
  StsError,
  stsErrorXml,
  stsSignatureError,
  XML_CONTENT_TYPE,
} from '../sts/query';
import type { SigV4Verifier } from './sigv4';

/** Far above any GetCallerIdentity or AssumeRole request (a few hundred bytes). */
const MAX_STS_BODY_BYTES = 64 * 1024;

/** A Query-protocol request: a form-encoded POST naming no X-Amz-Target (CloudHSM's JSON 1.1 always does). */
export function isQueryRequest(req: IncomingMessage): boolean {
  const type = firstHeader(req.headers['content-type']) ?? '';
  return req.headers['x-amz-target'] === undefined && /^application\/x-www-form-urlencoded\s*(;|$)/i.test(type);
}

export interface StsRequestOptions {
  verifier: SigV4Verifier;
  /** Issues AssumeRole's credentials. */
  principals: Principals;
  extraHeaders?: Record<string, string>;
  onInternalError?: (error: unknown) => void;
}

function send(res: ServerResponse, status: number, xml: string, headers: Record<string, string>): void {
  res.writeHead(status, { 'Content-Type': XML_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(xml), ...headers });
  res.end(xml);
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
    const request = { method: req.method ?? 'POST', path: req.url ?? '/', headers: req.headers, body };
    const identity = await options.verifier.verify(request, {
      service: STS_SIGNING_SERVICE,
      maxSkewMinutes: STS_MAX_SKEW_MINUTES,
      alwaysSigned: true,
    });
    const context = {
      identity,
      assumeRole: ({ role, roleSessionName, durationSeconds }: AssumeRoleRequest) =>
        options.principals.assumeRole(role, roleSessionName, durationSeconds),
    };
    send(res, 200, answerStsQuery(body.toString('utf8'), context, requestId), headers);
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
