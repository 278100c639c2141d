/**
 * `POST /aws/<region>` (the base account) and `POST /aws/<account>/<region>`: one CloudHSM V2 call (AWS JSON 1.1),
 * checked here and answered by the backend with that account's credentials. Every check (method, account
 * shape, region, content type, operation, read-only, declared size, then a known account) happens before the
 * body is read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clip } from '../../cloudhsm/clip';
import { isAccountId } from '../../cloudhsm/ids';
import { isOperationName, MUTATING_OPERATIONS, type OperationName } from '../../cloudhsm/operations';
import { JSON_CONTENT_TYPE, newRequestId, TARGET_PREFIX } from '../../cloudhsm/protocol';
import { CLOUDHSM_REGIONS, isCloudHsmRegion } from '../../cloudhsm/regions';
import { BodyTooLargeError, declaredLength, firstHeader, readBody } from '../../node/http';
import { accessDenied, DashboardApiError, sendApiError, serializationError, unknownOperation } from '../apiErrors';
import { API_HEADERS } from '../security/checks';
import { badAccount, resolveAccount } from './accounts';
import { forward } from './forward';
import { refuse, tooLarge, type RouteContext } from './respond';

function contentTypeIsJson11(value: string | undefined): boolean {
  return (value ?? '').split(';')[0]!.trim().toLowerCase() === JSON_CONTENT_TYPE;
}

/** The operation the request may go on with, or why not. */
type Verdict = { operation: OperationName } | { refused: DashboardApiError; tooLarge?: true };

/** The checks, in the order they run. */
function check(req: IncomingMessage, region: string, account: string | undefined, { readOnly, maxBodyBytes }: RouteContext): Verdict {
  if (req.method !== 'POST')
    return {
      refused: new DashboardApiError(
        'UnknownOperationException',
        405,
        `${req.method ?? ''} is not allowed: CloudHSM calls are POST /aws/<region> or /aws/<account>/<region>.`,
      ),
    };
  if (account !== undefined && !isAccountId(account)) return { refused: badAccount(account) };
  if (!isCloudHsmRegion(region)) {
    const message = `"${clip(region, 40)}" is not a region with CloudHSM V2. Use one of: ${CLOUDHSM_REGIONS.join(', ')}.`;
    return { refused: new DashboardApiError('CloudHsmInvalidRequestException', 400, message) };
  }
  if (!contentTypeIsJson11(firstHeader(req.headers['content-type']))) {
    return { refused: new DashboardApiError('SerializationException', 415, `Content-Type must be ${JSON_CONTENT_TYPE} (AWS JSON 1.1).`) };
  }
  const target = firstHeader(req.headers['x-amz-target']) ?? '';
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  if (!isOperationName(operation)) {
    const shown = target === '' ? 'no X-Amz-Target header' : `X-Amz-Target "${target.slice(0, 100)}"`;
    return {
      refused: unknownOperation(`Refused ${shown}: this dashboard forwards only the CloudHSM V2 operations (${TARGET_PREFIX}<Operation>).`),
    };
  }
  if (readOnly && MUTATING_OPERATIONS.has(operation)) {
    return { refused: accessDenied(`The dashboard was started with --read-only: ${operation} is not allowed.`) };
  }
  const declared = declaredLength(req);
  if (declared > maxBodyBytes) {
    const message = `The request body (${declared} bytes) is larger than the ${maxBodyBytes}-byte limit.`;
    return { refused: new DashboardApiError('SerializationException', 413, message), tooLarge: true };
  }
  return { operation };
}

/** Checks one /aws/[<account>/]<region> request; returns the operation, or answers the refusal and returns null. */
function admit(
  req: IncomingMessage,
  res: ServerResponse,
  target: { region: string; account?: string },
  requestId: string,
  context: RouteContext,
): OperationName | null {
  const verdict = check(req, target.region, target.account, context);
  if ('operation' in verdict) return verdict.operation;
  if (verdict.tooLarge) {
    tooLarge(req, res, requestId, verdict.refused.message);
    return null;
  }
  if (req.method !== 'POST') res.setHeader('Allow', 'POST');
  refuse(req, res, requestId, verdict.refused);
  return null;
}

/** The whole body, or null when it was answered (too large, unreadable). */
async function readCallBody(req: IncomingMessage, res: ServerResponse, requestId: string, maxBodyBytes: number): Promise<Buffer | null> {
  try {
    return await readBody(req, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      tooLarge(req, res, requestId, `The request body is larger than the ${maxBodyBytes}-byte limit.`);
    else {
      res.setHeader('Connection', 'close');
      refuse(req, res, requestId, serializationError('The request body could not be read.'));
    }
    return null;
  }
}

/** `named`: the account of /aws/<account>/<region>; absent for /aws/<region> (the base account). */
export async function serveAws(
  req: IncomingMessage,
  res: ServerResponse,
  context: RouteContext,
  region: string,
  named?: string,
): Promise<void> {
  const requestId = newRequestId();
  const operation = admit(req, res, { region, account: named }, requestId, context);
  if (!operation) return;
  let account: string | undefined;
  if (named !== undefined) {
    const verdict = await resolveAccount(context.backend, named);
    if ('refused' in verdict) {
      refuse(req, res, requestId, verdict.refused);
      return;
    }
    account = verdict.account;
  }
  const body = await readCallBody(req, res, requestId, context.maxBodyBytes);
  if (!body) return;
  try {
    const answer = await context.backend.call({ region, account, operation, body, requestId });
    await forward(res, operation, answer, context.backend.mode);
  } catch (error) {
    if (!(error instanceof DashboardApiError)) {
      context.log(
        `${operation} in ${region}${account ? ` (account ${account})` : ''} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    const typed =
      error instanceof DashboardApiError
        ? error
        : new DashboardApiError(
            'CloudHsmInternalFailureException',
            500,
            `The dashboard server failed while handling ${operation}; see its log.`,
          );
    sendApiError(res, requestId, typed, API_HEADERS);
  }
}
