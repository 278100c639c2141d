/** The request listener of the standalone emulator: CORS preflight, the admin routes and the AWS API (CloudHSM, and STS's GetCallerIdentity and AssumeRole). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clip } from '../../cloudhsm/clip';
import { newRequestId } from '../../cloudhsm/protocol';
import type { Emulator } from '../emulator';
import { EmulatorError } from '../errors';
import { handleAdmin, type AdminOptions } from './admin';
import { CORS_HEADERS, handleApiRequest, sendAwsError } from './http';
import type { SigV4Verifier } from './sigv4';
import type { Principals } from '../sts/principals';
import { handleStsRequest, isQueryRequest } from './sts';

export interface EmulatorListenerOptions {
  /** Who signed each request (and with --credentials, whether it may). */
  verifier: SigV4Verifier;
  /** The keys and AssumeRole's sessions. */
  principals: Principals;
  admin: AdminOptions;
  onInternalError?: (error: unknown) => void;
  /** Milliseconds every API answer waits (--latency). */
  latencyMs?: number;
}

export function createEmulatorListener(emulator: Emulator, options: EmulatorListenerOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS_HEADERS, 'x-amzn-RequestId': newRequestId() });
      res.end();
      return;
    }
    if (path.startsWith('/_emulator/')) {
      // Admin routes can wipe state: a web page must not be able to call them (a simple cross-origin POST
      // needs no preflight), so any request a browser marks as coming from a page is refused.
      if (req.method !== 'GET' && (req.headers.origin !== undefined || req.headers['sec-fetch-site'] === 'cross-site')) {
        req.resume();
        res.writeHead(403, { 'Content-Type': 'application/json', 'x-amzn-RequestId': newRequestId() });
        res.end(
          JSON.stringify({
            error: 'Forbidden',
            message: 'Admin routes cannot be called from a web page (the request carried an Origin header).',
          }),
        );
        return;
      }
      void handleAdmin(emulator, req, res, options.admin);
      return;
    }
    if (req.method !== 'POST' || path !== '/') {
      const requestId = newRequestId();
      req.resume();
      const message = `${clip(req.method ?? '')} ${clip(path)} is not an operation of this service; use POST / with X-Amz-Target (or, for STS, a form-encoded Action).`;
      sendAwsError(res, requestId, new EmulatorError('UnknownOperationException', message), CORS_HEADERS);
      return;
    }
    const { verifier, principals, onInternalError } = options;
    const answer = () =>
      isQueryRequest(req)
        ? handleStsRequest(req, res, { verifier, principals, extraHeaders: CORS_HEADERS, onInternalError })
        : handleApiRequest(emulator, req, res, { verifier, extraHeaders: CORS_HEADERS, onInternalError });
    if (options.latencyMs) setTimeout(() => void answer(), options.latencyMs);
    else void answer();
  };
}
