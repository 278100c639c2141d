/**
 * The local server's defences. It holds AWS credentials (aws mode) or a writable emulator, and listens on a
 * port any web page in the user's browser can try to reach, so:
 * - the Host header must name this server (a DNS-rebinding page arrives with its own host name);
 * - /api and /aws refuse cross-site callers (a foreign Origin, or Sec-Fetch-Site cross-site / same-site);
 * - every answer carries headers that forbid framing, sniffing and inline script.
 */
import type { IncomingMessage } from 'node:http';
import { hostname as machineHostname, networkInterfaces } from 'node:os';
import { firstHeader } from '../../node/http';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // No inline script anywhere (the built SPA loads only its own module files). Inline styles stay allowed:
  // React's style attributes need them and they cannot run code.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** API answers are live account data: never kept by the browser or anything in between. */
export const API_HEADERS: Readonly<Record<string, string>> = { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' };

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

const bracketed = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/**
 * Host names (without port) this server answers to: loopback always, the --host value, and for a wildcard
 * bind (0.0.0.0, ::) this machine's own addresses and name, which a rebinding page cannot claim as its Host.
 */
export function allowedHostNames(bindHost: string | undefined): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (!bindHost) return names;
  const host = bindHost.toLowerCase();
  if (WILDCARD_ADDRESSES.has(host)) {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) names.add(bracketed(address.address.toLowerCase()));
    }
    names.add(machineHostname().toLowerCase());
  } else {
    names.add(bracketed(host));
  }
  return names;
}

/** Why the request's Host is not this server's (null: it is). The port is the one the request came in on. */
export function hostProblem(req: IncomingMessage, hostNames: ReadonlySet<string>): string | null {
  const host = firstHeader(req.headers.host)?.toLowerCase();
  if (!host) return 'The request has no Host header.';
  const port = req.socket.localPort;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/.exec(host);
  const name = match?.[1];
  // A Host without a port means port 80 (what a browser sends for http://name/).
  const hostPort = match?.[2] === undefined ? 80 : Number(match[2]);
  if (name && hostNames.has(name) && hostPort === port) return null;
  return `Host "${host}" is not this dashboard (it answers to ${[...hostNames].map((n) => `${n}:${port}`).join(', ')}). Requests that name another host are refused to stop DNS-rebinding attacks.`;
}

/**
 * Why the request comes from another site (null: it is same-origin, or not from a browser page at all).
 * `navigation` allows Sec-Fetch-Site: none (the user typed the URL) for GETs.
 */
export function crossSiteProblem(req: IncomingMessage, allowUserNavigation: boolean): string | null {
  const origin = firstHeader(req.headers.origin);
  const host = firstHeader(req.headers.host)?.toLowerCase();
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return `Cross-origin request from ${origin} refused: only pages served by this dashboard may call it.`;
  }
  const site = firstHeader(req.headers['sec-fetch-site'])?.toLowerCase();
  if (site === undefined || site === 'same-origin') return null;
  if (site === 'none' && allowUserNavigation) return null;
  return `Request with Sec-Fetch-Site: ${site} refused: only pages served by this dashboard may call it.`;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}
