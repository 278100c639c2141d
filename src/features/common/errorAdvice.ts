/**
 * What to do about a failed AWS call, in a sentence: the error itself says what happened (code, message),
 * this says where to look next. Pure, keyed on the error's code and HTTP status.
 */

export interface ErrorLike {
  code: string;
  status?: number;
  retryable: boolean;
}

const ACCESS = new Set(['CloudHsmAccessDeniedException', 'AccessDeniedException', 'AccessDenied']);
const SIGN_IN = new Set(['UnrecognizedClientException', 'ExpiredTokenException', 'InvalidClientTokenId', 'InvalidSignatureException']);
const UNREACHABLE = new Set(['NetworkError', 'EndpointTimeoutException', 'EndpointUnreachableException']);
const THROTTLED = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);

/** One sentence: what to check, then "Try again". */
export function errorAdvice({ code, status, retryable }: ErrorLike): string {
  if (ACCESS.has(code))
    return 'Check that the credentials the dashboard runs with allow this CloudHSM action in this region (IAM policy, SCPs), then Try again.';
  if (SIGN_IN.has(code))
    return 'The credentials were refused or have expired: renew them (for example aws sso login), restart the dashboard if needed, then Try again.';
  if (UNREACHABLE.has(code))
    return 'Check that the dashboard’s server is running and that the endpoint for this region (--endpoint-url, network, proxy) is reachable, then Try again.';
  if (THROTTLED.has(code)) return 'AWS is limiting the request rate: wait a moment, then Try again.';
  if ((status !== undefined && status >= 500) || retryable) return 'This may be temporary: Try again in a moment.';
  return 'Check the endpoint and the credentials for this region, then Try again.';
}
