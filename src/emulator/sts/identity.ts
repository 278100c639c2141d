/**
 * Who the emulator says a caller is (STS GetCallerIdentity): an IAM user of the emulated account, named by
 * --principal-name. Isomorphic: the user id is derived with a small pure hash, not Node's crypto.
 */

/** The IAM user every accepted credential maps to, unless --principal-name says otherwise. */
export const DEFAULT_PRINCIPAL_NAME = 'dashboard-demo';

/** IAM's user-name rule: 1 to 64 of letters, digits and `+=,.@_-` (IAM API reference, CreateUser). */
export const isPrincipalName = (text: string): boolean => /^[\w+=,.@-]{1,64}$/.test(text);

export interface CallerIdentity {
  Account: string;
  Arn: string;
  UserId: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 32-bit FNV-1a of `text` with a seed: enough to spread names over ids, stable across runs and platforms. */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * `prefix` + 17 upper-case base32 characters, the shape of IAM's unique ids (a user's AIDAJQABLZS4A3QDU576Q in
 * the IAM user guide; a role's starts with AROA), the same for the same account and name every time.
 */
export function uniqueIdFor(prefix: 'AIDA' | 'AROA', account: string, name: string): string {
  let out = prefix;
  for (let i = 0; out.length < 21; i++) out += BASE32[fnv1a(`${account}:${name}`, i) % 32];
  return out;
}

/** An IAM user's unique id (`AIDA…`). */
export const userIdFor = (account: string, name: string): string => uniqueIdFor('AIDA', account, name);

/** The caller every accepted credential is: `arn:aws:iam::<account>:user/<name>`. */
export function callerIdentity(account: string, name: string = DEFAULT_PRINCIPAL_NAME): CallerIdentity {
  return { Account: account, Arn: `arn:aws:iam::${account}:user/${name}`, UserId: userIdFor(account, name) };
}
