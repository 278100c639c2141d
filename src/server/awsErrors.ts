/**
 * Errors the local server itself answers with, in the AWS JSON 1.1 shape the browser's SDK client parses
 * (`{"__type", "message"}`, x-amzn-RequestId), so the UI shows them like any CloudHSM error: code and message.
 */
import type { ServerResponse } from 'node:http';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

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

export const accessDenied = (message: string): DashboardApiError => new DashboardApiError('CloudHsmAccessDeniedException', 400, message);
export const unknownOperation = (message: string): DashboardApiError => new DashboardApiError('UnknownOperationException', 400, message);
export const serializationError = (message: string): DashboardApiError => new DashboardApiError('SerializationException', 400, message);

export function sendApiError(res: ServerResponse, requestId: string, error: DashboardApiError, headers: Readonly<Record<string, string>>): void {
  const body = JSON.stringify({ __type: error.type, message: error.message });
  if (res.headersSent) {
    // Too late for an error answer (the upstream answer was half streamed): cut the connection so the
    // client sees a failure instead of a truncated success.
    res.destroy();
    return;
  }
  res.writeHead(error.status, {
    ...headers,
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(body)),
    'x-amzn-RequestId': requestId,
    'x-amzn-ErrorType': error.type,
  });
  res.end(body);
}
