/**
 * Errors the local server itself answers with, in the AWS JSON 1.1 shape the browser's SDK client parses
 * (`{"__type", "message"}`, x-amzn-RequestId), so the UI shows them like any CloudHSM error: code and message.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody, JSON_CONTENT_TYPE } from '../cloudhsm/protocol';
import { answerThenDrain } from '../node/http';

export class DashboardApiError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

/** The service's own retryable failure (500), in its words. */
export const internalFailure = (): DashboardApiError =>
  new DashboardApiError(
    'CloudHsmInternalFailureException',
    500,
    'The request was rejected because of an AWS CloudHSM internal failure. The request can be retried.',
  );

export const accessDenied = (message: string): DashboardApiError => new DashboardApiError('CloudHsmAccessDeniedException', 400, message);
export const unknownOperation = (message: string): DashboardApiError => new DashboardApiError('UnknownOperationException', 400, message);
export const serializationError = (message: string): DashboardApiError => new DashboardApiError('SerializationException', 400, message);

/** `/aws/<account>/<region>` or `/api/quotas?account=` naming an account the server was not started with. */
export function unknownAccount(account: string, known: readonly string[]): DashboardApiError {
  const listed = known.length > 0 ? known.join(', ') : 'none with a known id';
  return new DashboardApiError(
    'AccessDeniedException',
    403,
    `Account ${account} is not one this dashboard was started with (it knows ${listed}). To show it, start the dashboard with --aws and --assume-role arn:aws:iam::${account}:role/<name> or --profiles <profile>.`,
  );
}

function errorHeaders(requestId: string, error: DashboardApiError, headers: Readonly<Record<string, string>>): Record<string, string> {
  return { ...headers, 'Content-Type': JSON_CONTENT_TYPE, 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.type };
}

export function sendApiError(
  res: ServerResponse,
  requestId: string,
  error: DashboardApiError,
  headers: Readonly<Record<string, string>>,
): void {
  const body = errorBody(error.type, error.message);
  if (res.headersSent) {
    // Too late for an error answer (the upstream answer was half streamed): cut the connection so the
    // client sees a failure instead of a truncated success.
    res.destroy();
    return;
  }
  res.writeHead(error.status, { ...errorHeaders(requestId, error, headers), 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/** An error answer to a request whose body is not read (too large): sent first, then the body is drained. */
export function sendApiErrorThenDrain(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  error: DashboardApiError,
  headers: Readonly<Record<string, string>>,
): void {
  answerThenDrain(req, res, error.status, errorHeaders(requestId, error, headers), errorBody(error.type, error.message));
}
