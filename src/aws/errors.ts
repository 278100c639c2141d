/**
 * One mapping from whatever a CloudHSM call threw (an SDK service exception, a network failure, anything
 * else) to what the UI shows: the AWS code and message, the request id to quote, and whether retrying
 * can help. Hooks throw `AwsRequestError`, which carries this info, so every hook's `error` is the same.
 */
import type { Where } from './keys';

export interface AwsErrorContext {
  /** The API operation, e.g. `DescribeClusters`. */
  operation: string;
  region: string;
  /** The account called, when not the base account (issue 15: a failure names its account). */
  account?: string;
}

export interface AwsErrorInfo extends AwsErrorContext {
  /** The AWS error code (`CloudHsmResourceNotFoundException`), or `NetworkError`, `AbortError`, `UnknownError`. */
  code: string;
  message: string;
  /** `x-amzn-RequestId` of the failed call, when the server answered. */
  requestId?: string;
  /** HTTP status, when the server answered. */
  status?: number;
  /** Whether the same call may succeed later (5xx, throttling, network). */
  retryable: boolean;
  /** A short human heading, e.g. "Not found". */
  title: string;
}

/** What the UI gets from a failed hook: an Error whose `info` says what happened; `cause` is the original. */
export class AwsRequestError extends Error {
  override readonly name = 'AwsRequestError';
  constructor(
    readonly info: AwsErrorInfo,
    options?: { cause?: unknown },
  ) {
    super(
      `${info.operation} in ${info.region}${info.account ? ` (account ${info.account})` : ''} failed: ${info.code}: ${info.message}`,
      options,
    );
  }
}

const TITLES: Record<string, string> = {
  CloudHsmAccessDeniedException: 'Access denied',
  CloudHsmInternalFailureException: 'CloudHSM internal failure',
  CloudHsmInvalidRequestException: 'Invalid request',
  CloudHsmResourceNotFoundException: 'Not found',
  CloudHsmResourceLimitExceededException: 'Limit exceeded',
  CloudHsmServiceException: 'CloudHSM service error',
  CloudHsmTagException: 'Tag error',
  ThrottlingException: 'Too many requests',
  UnrecognizedClientException: 'Not signed in',
  ExpiredTokenException: 'Session expired',
  AccessDeniedException: 'Access denied',
  NetworkError: 'Cannot reach the server',
  AbortError: 'Cancelled',
  UnknownError: 'Unexpected error',
};

/** The local server's own verdicts on an upstream that timed out or could not be reached. */
const GAVE_UP = new Set(['EndpointTimeoutException', 'EndpointUnreachableException']);
const THROTTLING = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);

/** Messages and codes of a request that never got an answer, in Node (undici, http) and the browsers. */
const NETWORK_MESSAGES = [/^fetch failed$/i, /^failed to fetch$/i, /networkerror/i, /^load failed$/i, /socket hang up/i, /network/i];
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
]);

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const stringField = (o: Fields, key: string): string | undefined =>
  typeof o[key] === 'string' && o[key] !== '' ? (o[key] as string) : undefined;
const numberField = (o: Fields, key: string): number | undefined => (typeof o[key] === 'number' ? (o[key] as number) : undefined);

function isNetworkFailure(error: Fields): boolean {
  const code = stringField(error, 'code');
  if (code && NETWORK_CODES.has(code)) return true;
  const cause = error['cause'];
  if (isObject(cause) && stringField(cause, 'code') && NETWORK_CODES.has(stringField(cause, 'code')!)) return true;
  const name = stringField(error, 'name');
  const message = stringField(error, 'message') ?? '';
  return (name === 'TypeError' || name === 'TimeoutError' || name === 'Error') && NETWORK_MESSAGES.some((re) => re.test(message));
}

function describeUnknown(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error === undefined || error === null) return `No error details (${String(error)}).`;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

export function toAwsErrorInfo(error: unknown, context: AwsErrorContext): AwsErrorInfo {
  if (error instanceof AwsRequestError) return error.info;
  const base = { operation: context.operation, region: context.region, ...(context.account && { account: context.account }) };
  const make = (fields: Omit<AwsErrorInfo, 'operation' | 'region' | 'account' | 'title'>): AwsErrorInfo => ({
    ...base,
    ...fields,
    title: TITLES[fields.code] ?? (fields.status !== undefined && fields.status >= 500 ? 'Server error' : 'Request failed'),
  });
  if (!isObject(error)) return make({ code: 'UnknownError', message: describeUnknown(error), retryable: false });

  const metadata = isObject(error['$metadata']) ? error['$metadata'] : undefined;
  const status = metadata ? numberField(metadata, 'httpStatusCode') : undefined;
  const name = stringField(error, 'name');
  const message = stringField(error, 'message') ?? stringField(error, 'Message');

  if (metadata && status !== undefined) {
    // An answer from the service (or the local server): an SDK ServiceException.
    const code =
      (name && name !== 'Error' ? name : undefined) ?? stringField(error, 'Code') ?? stringField(error, 'code') ?? `Http${status}`;
    // The local server already waited its full deadline (or found the endpoint down) and the SDK already
    // retried: trying again at once would only keep the person waiting minutes for the same answer.
    const retryable = !GAVE_UP.has(code) && (status >= 500 || status === 429 || THROTTLING.has(code) || isObject(error['$retryable']));
    return make({
      code,
      message: message ?? `The server answered ${status} without a message.`,
      requestId: stringField(metadata, 'requestId'),
      status,
      retryable,
    });
  }
  if (name === 'AbortError') return make({ code: 'AbortError', message: message ?? 'The request was cancelled.', retryable: false });
  if (isNetworkFailure(error)) {
    return make({
      code: 'NetworkError',
      message: message ? `The request did not reach the server (${message}).` : 'The request did not reach the server.',
      retryable: true,
    });
  }
  if (error instanceof Error)
    return make({ code: name && name !== 'Error' ? name : 'UnknownError', message: message ?? describeUnknown(error), retryable: false });
  return make({ code: 'UnknownError', message: message ?? describeUnknown(error), retryable: false });
}

/** The context of a call to a place (`Where`, keys.ts): the region, and the account when not the base. */
export function errorContext(operation: string, where: Where): AwsErrorContext {
  if (typeof where === 'string') return { operation, region: where };
  return where.account ? { operation, region: where.region, account: where.account } : { operation, region: where.region };
}

/** Runs one AWS call, turning any failure into an `AwsRequestError` for `operation` in `region`. */
export async function withAwsErrors<T>(context: AwsErrorContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new AwsRequestError(toAwsErrorInfo(error, context), { cause: error });
  }
}
