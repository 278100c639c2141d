/**
 * New ids in the formats the real service issues (src/cloudhsm/ids.ts has the formats it accepts). Only the
 * emulator makes resources, so only it mints ids. Isomorphic: uses Web Crypto's getRandomValues only.
 */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const HEX = '0123456789abcdef';

/** `count` characters of `alphabet`, from Web Crypto (ids, and STS's keys and tokens). */
export function randomChars(alphabet: string, count: number): string {
  const bytes = new Uint8Array(count);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** `cluster-`, `hsm-`, `backup-` + 11 lowercase RFC 4648 base32 characters, as every real id seen. */
export const newResourceId = (prefix: 'cluster' | 'hsm' | 'backup'): string => `${prefix}-${randomChars(BASE32, 11)}`;

/** EC2-style ids with 17 hex digits, as current EC2 issues them. */
export const newEc2Id = (prefix: 'vpc' | 'subnet' | 'sg' | 'eni'): string => `${prefix}-0${randomChars(HEX, 16)}`;
