/**
 * Last line of defence for text that leaves the server (error messages, log lines) and may quote something
 * from a credential provider or the network: anything shaped like an access key id, a secret key, a session
 * token or a SigV4 signature is blanked. The code never puts credentials in messages; this catches what a
 * library might.
 */
const PATTERNS: RegExp[] = [
  /\b(?:AKIA|ASIA|AIDA|AROA|ANPA|ANVA|AGPA|AIPA)[A-Z0-9]{12,}\b/g, // access key ids and principal ids
  /Signature=[0-9a-f]{64}/gi,
  /\b[0-9a-f]{64}\b/gi, // bare signatures and hashes
  /[A-Za-z0-9/+=]{40,}/g, // secret keys (40 base64 characters) and session tokens (hundreds)
];

export function redact(text: string): string {
  let out = text;
  for (const pattern of PATTERNS) out = out.replace(pattern, '[redacted]');
  return out;
}
