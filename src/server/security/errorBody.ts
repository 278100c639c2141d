/**
 * Error answers (HTTP status >= 400) on their way to the browser, from AWS or the emulator: every text in
 * them is redacted (redact.ts; AWS's only, the emulator's hold no credential and may quote a long id that
 * only looks like one) and clipped, so an answer never carries a credential and stays small.
 */
import { clip, MAX_MESSAGE_CHARS } from '../../cloudhsm/clip';
import { redact, type KnownSecrets } from './redact';

/** Largest error answer read from upstream (AWS error bodies are a few hundred bytes). */
export const MAX_ERROR_BODY_BYTES = 256 * 1024;
/** At most this many members of an error body are passed on (AWS's have two: __type and message). */
const MAX_MEMBERS = 8;

/** `known: null`: text that holds no credential (the emulator's), only cut. */
const clean = (text: string, known: KnownSecrets | null, max = MAX_MESSAGE_CHARS): string => clip(known ? redact(text, known) : text, max);

/**
 * The body to pass on: the JSON object's scalar members, texts redacted and clipped to one budget of
 * MAX_MESSAGE_CHARS between them (nested values are dropped: AWS JSON errors have none). A body that is not a JSON object becomes `{"__type", "message"}`
 * with its text, redacted, as the message.
 */
export function cleanErrorBody(body: Buffer, errorType: string | undefined, known: KnownSecrets | null = {}): Buffer {
  const text = body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return Buffer.from(JSON.stringify({ __type: clean(errorType || 'UnknownError', known), message: clean(text, known) }));
  }
  const out: Record<string, string | number | boolean> = {};
  let members = 0;
  let budget = MAX_MESSAGE_CHARS;
  for (const [key, value] of Object.entries(parsed)) {
    if (members === MAX_MEMBERS) break;
    if (typeof value === 'string') {
      const cleaned = clean(value, known, Math.max(budget, 80));
      budget -= cleaned.length;
      out[clip(key)] = cleaned;
    } else if (typeof value === 'number' || typeof value === 'boolean') out[clip(key)] = value;
    else continue;
    members += 1;
  }
  return Buffer.from(JSON.stringify(out));
}
