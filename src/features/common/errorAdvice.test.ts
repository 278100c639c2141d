import { describe, expect, it } from 'vitest';
import { errorAdvice } from './errorAdvice';

describe('errorAdvice', () => {
  it.each([
    [{ code: 'CloudHsmAccessDeniedException', status: 400, retryable: false }, /credentials .* allow this CloudHSM action/],
    [{ code: 'ExpiredTokenException', status: 400, retryable: false }, /renew them/],
    [{ code: 'NetworkError', retryable: true }, /endpoint .* is reachable/],
    [{ code: 'EndpointUnreachableException', status: 502, retryable: false }, /endpoint .* is reachable/],
    [{ code: 'ThrottlingException', status: 400, retryable: true }, /wait a moment/],
    [{ code: 'CloudHsmInternalFailureException', status: 500, retryable: true }, /temporary/],
    [{ code: 'Http404', status: 404, retryable: false }, /Check the endpoint and the credentials/],
  ])('%o → a next step ending in "Try again"', (error, words) => {
    const advice = errorAdvice(error);
    expect(advice).toMatch(words);
    expect(advice).toMatch(/Try again( in a moment)?\.$/);
  });
});
