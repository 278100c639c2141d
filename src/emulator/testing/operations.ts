/** Test helpers shared by the operation suites (test/operations/): id formats, raw refusals, dates, ARNs. */
import { expect } from 'vitest';
import { DEFAULT_ACCOUNT } from '../emulator';
import { TEST_REGION } from './env';
import type { RawResponse } from './harness';

/** The id formats real ids have (11 lowercase base32 characters; EC2 ids of 8 to 17 hex digits). */
export const ID = {
  cluster: /^cluster-[a-z2-7]{11}$/,
  hsm: /^hsm-[a-z2-7]{11}$/,
  backup: /^backup-[a-z2-7]{11}$/,
  sg: /^sg-[0-9a-f]{8,17}$/,
  eni: /^eni-[0-9a-f]{8,17}$/,
  vpc: /^vpc-[0-9a-f]{8,17}$/,
};
export const OTHER_ACCOUNT = '210987654321';

/** Asserts a raw JSON 1.1 call was refused (400) with the AWS error `type` and a message matching `message`. */
export function rawRefused(response: RawResponse, type: string, message: RegExp): void {
  expect(response.status).toBe(400);
  expect(response.body['__type']).toBe(type);
  expect(String(response.body['message'] ?? response.body['Message'])).toMatch(message);
}

export function expectRecentDate(date: Date | undefined, now: number, toleranceSeconds = 5): void {
  expect(date).toBeInstanceOf(Date);
  expect(date!.getUTCFullYear()).toBeGreaterThan(2000);
  expect(Math.abs(date!.getTime() / 1000 - now)).toBeLessThanOrEqual(toleranceSeconds);
}

export const arnOf = (backupId: string, region = TEST_REGION, account = DEFAULT_ACCOUNT): string =>
  `arn:aws:cloudhsm:${region}:${account}:backup/${backupId}`;
