/**
 * Last line of defence for text that leaves the server (error messages, log lines) and may quote something
 * from a credential provider or the network. AWS itself answers a bad signature with the canonical request
 * and the string to sign, which hold the X-Amz-Security-Token of temporary credentials and the access key id.
 *
 * Session tokens, secret keys and signatures are removed entirely ("[redacted]"); an access key id is shown
 * down to its last 4 characters, after its AWS type prefix when it has one ("AKIA…WXYZ", else "…WXYZ"),
 * which is enough to tell which key was used and not enough to use it.
 */
export const REDACTED = '[redacted]';

/** The 4-letter prefixes of AWS access key ids and principal ids (their type, not part of the secret). */
const ID_PREFIXES = ['AKIA', 'ASIA', 'AIDA', 'AROA', 'ANPA', 'ANVA', 'AGPA', 'AIPA'];

/** An access key id shown down to its last 4 characters: "AKIA…WXYZ" or "…WXYZ". */
export function maskAccessKeyId(id: string): string {
  if (id.length <= 8) return '…';
  const prefix = ID_PREFIXES.includes(id.slice(0, 4)) ? id.slice(0, 4) : '';
  return `${prefix}…${id.slice(-4)}`;
}

/** Credentials the caller knows were used: removed wherever they appear, whatever their shape. */
export interface KnownSecrets {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
}

const ACCESS_KEY_ID = new RegExp(`\\b(?:${ID_PREFIXES.join('|')})[A-Z0-9]{12,}\\b`, 'g');
/** The key id of a SigV4 credential scope, whatever its shape: `Credential=<id>/<date>/...`. */
const CREDENTIAL_SCOPE = /(Credential=)([^/,\s]+)(?=\/)/g;
const PATTERNS: RegExp[] = [
  /(Signature=)[0-9a-f]{64}/gi,
  /(x-amz-security-token[:=]\s*)[^\s,'"\\]+/gi, // the token as a canonical header line or a header, any length
  /\b[0-9a-f]{64}\b/gi, // bare signatures and hashes
  /[A-Za-z0-9/+=]{40,}/g, // secret keys (40 base64 characters) and session tokens (hundreds)
];

export function redact(text: string, known: KnownSecrets = {}): string {
  let out = text;
  // Known values first, literally: a secret or token of any shape, and an id outside the AKIA... format.
  for (const secret of [known.sessionToken, known.secretAccessKey]) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  if (known.accessKeyId && known.accessKeyId.length > 4) out = out.split(known.accessKeyId).join(maskAccessKeyId(known.accessKeyId));
  out = out.replace(CREDENTIAL_SCOPE, (_match, name: string, id: string) => `${name}${id.includes('…') ? id : maskAccessKeyId(id)}`);
  out = out.replace(ACCESS_KEY_ID, (id) => maskAccessKeyId(id));
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (_match, name?: unknown) => (typeof name === 'string' ? `${name}${REDACTED}` : REDACTED));
  }
  return out;
}
