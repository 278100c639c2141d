/**
 * Opaque NextTokens. A token names the last item returned (its sort key) plus a fingerprint of the request
 * that made it, so a page boundary survives inserts and a token replayed with other filters is refused.
 */
import { invalidRequest } from './errors';

interface TokenBody {
  /** Position: sort key of the last item returned. */
  p: [number, string];
  /** Fingerprint of the filters and order the token belongs to. */
  f: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Only ASCII: its UTF-8 bytes are its characters (token bodies almost always are). */
// eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: every ASCII character
const ASCII = /^[\x00-\x7f]*$/;

function toBase64Url(text: string): string {
  let binary = '';
  if (ASCII.test(text)) binary = text;
  else for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(token: string): string {
  const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
  if (ASCII.test(binary)) return binary;
  return decoder.decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

export function encodeToken(position: [number, string], fp: string): string {
  return toBase64Url(JSON.stringify({ p: position, f: fp } satisfies TokenBody));
}

export function decodeToken(token: string, fp: string): [number, string] {
  const invalid = () => invalidRequest('The NextToken is not valid. Use the NextToken from the previous response, with the same filters.');
  let body: unknown;
  try {
    body = JSON.parse(fromBase64Url(token));
  } catch {
    throw invalid();
  }
  if (typeof body !== 'object' || body === null) throw invalid();
  const { p, f } = body as Partial<TokenBody>;
  if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'number' || typeof p[1] !== 'string' || f !== fp) throw invalid();
  return [p[0], p[1]];
}

/**
 * One page of `sorted` (ascending by [number, string] key) in the requested direction, starting after
 * the token's position, keeping the items `keep` accepts.
 */
export function paginate<T>(
  sorted: readonly T[],
  keyOf: (item: T) => [number, string],
  opts: { token?: string; fingerprint: string; limit: number; descending: boolean; keep: (item: T) => boolean },
): { items: T[]; nextToken?: string } {
  const after = opts.token === undefined ? undefined : decodeToken(opts.token, opts.fingerprint);
  const compare = (a: [number, string], b: [number, string]): number => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
  // Binary search for the first index strictly after (ascending) or strictly before (descending) the token.
  let start: number;
  if (after === undefined) start = opts.descending ? sorted.length - 1 : 0;
  else {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(keyOf(sorted[mid] as T), after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    // lo = first index with key > after
    start = opts.descending ? lo - 1 : lo;
    if (opts.descending) {
      while (start >= 0 && compare(keyOf(sorted[start] as T), after) >= 0) start--;
    }
  }
  const items: T[] = [];
  const step = opts.descending ? -1 : 1;
  let i = start;
  for (; i >= 0 && i < sorted.length; i += step) {
    const item = sorted[i] as T;
    if (!opts.keep(item)) continue;
    if (items.length === opts.limit) {
      const last = items[items.length - 1] as T;
      return { items, nextToken: encodeToken(keyOf(last), opts.fingerprint) };
    }
    items.push(item);
  }
  return { items };
}
