/**
 * A backend's answer on its way to the browser: only JSON passes (a proxy's or captive portal's HTML page must
 * not be served from the dashboard's origin), error answers are read whole, redacted and clipped, and answers
 * that carry Cluster objects lose their secret members.
 */
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { OperationName } from '../../cloudhsm/operations';
import { readStream } from '../../node/http';
import { DashboardApiError } from '../apiErrors';
import type { BackendAnswer } from '../backend';
import { API_HEADERS } from '../security/checks';
import { cleanErrorBody, MAX_ERROR_BODY_BYTES } from '../security/errorBody';
import { CLUSTER_RETURNING_OPERATIONS, cleanJsonBody } from '../security/responseFilter';

/** Cap on a buffered upstream answer (a page of clusters with certificates is well under 1 MiB). */
const MAX_UPSTREAM_BODY_BYTES = 32 * 1024 * 1024;

const notJson = (operation: OperationName, status: number, contentType?: string): DashboardApiError =>
  new DashboardApiError(
    'UpstreamAnswerNotJsonException',
    502,
    contentType === undefined
      ? `The ${operation} answer (HTTP ${status}) was not JSON; it was not passed on.`
      : `The ${operation} answer (HTTP ${status}, ${contentType || 'no content type'}) was not JSON; it was not passed on. Is a proxy in the way?`,
  );

const wholeBody = (body: BackendAnswer['body'], limit: number): Promise<Buffer> =>
  Buffer.isBuffer(body)
    ? Promise.resolve(body)
    : readStream(
        body,
        limit,
        () =>
          new DashboardApiError(
            'UpstreamAnswerTooLargeException',
            502,
            `The CloudHSM answer was larger than ${limit} bytes; it was not passed on.`,
          ),
      );

/** The body the browser may see (a stream is passed through as it comes). */
async function cleanBody(operation: OperationName, answer: BackendAnswer, mode: 'emulator' | 'aws'): Promise<BackendAnswer['body']> {
  const contentType = Object.entries(answer.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  if (!/json/i.test(contentType)) {
    if (!Buffer.isBuffer(answer.body)) answer.body.resume();
    throw notJson(operation, answer.status, contentType);
  }
  if (answer.status >= 400) {
    // Error answers are small and may quote the request (AWS quotes the canonical request of a bad signature,
    // session token included): each is read whole, bounded, redacted and clipped before the browser sees it.
    // The emulator's hold no credential: they are only cut.
    return cleanErrorBody(
      await wholeBody(answer.body, MAX_ERROR_BODY_BYTES),
      answer.headers['x-amzn-ErrorType'],
      mode === 'aws' ? {} : null,
    );
  }
  if (CLUSTER_RETURNING_OPERATIONS.has(operation)) {
    const cleaned = cleanJsonBody(await wholeBody(answer.body, MAX_UPSTREAM_BODY_BYTES));
    if (cleaned === null) throw notJson(operation, answer.status);
    return cleaned;
  }
  return answer.body;
}

export async function forward(
  res: ServerResponse,
  operation: OperationName,
  answer: BackendAnswer,
  mode: 'emulator' | 'aws',
): Promise<void> {
  const body = await cleanBody(operation, answer, mode);
  if (Buffer.isBuffer(body)) {
    res.writeHead(answer.status, { ...API_HEADERS, ...answer.headers, 'Content-Length': String(body.length) });
    res.end(body);
    return;
  }
  res.writeHead(answer.status, { ...API_HEADERS, ...answer.headers });
  await pipeline(body, res);
}
