/**
 * `POST /api/emulator/activate-cluster {"region", "clusterId"}` (emulator mode only): stands in for
 * `cloudhsm-cli cluster activate`, which takes an INITIALIZED cluster to ACTIVE. Refused with --read-only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clip } from '../../cloudhsm/clip';
import { newRequestId } from '../../cloudhsm/protocol';
import { isCloudHsmRegion } from '../../cloudhsm/regions';
import { BodyTooLargeError, declaredLength, readBody } from '../../node/http';
import { accessDenied, DashboardApiError, internalFailure } from '../apiErrors';
import { refuse, sendJson, tooLarge, type RouteContext } from './respond';

/** The body is {"region", "clusterId"}. */
const ACTIVATE_BODY_BYTES = 4096;
const BODY_SHAPE = '{"region": "...", "clusterId": "..."}';

/** The body's fields, or null when it was answered (too large, not JSON). */
async function readActivateBody(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<{ region?: unknown; clusterId?: unknown } | null> {
  const overLimit = `The body is larger than ${ACTIVATE_BODY_BYTES} bytes.`;
  if (declaredLength(req) > ACTIVATE_BODY_BYTES) {
    tooLarge(req, res, requestId, overLimit);
    return null;
  }
  try {
    return JSON.parse((await readBody(req, ACTIVATE_BODY_BYTES)).toString('utf8') || '{}') as { region?: unknown; clusterId?: unknown };
  } catch (error) {
    if (error instanceof BodyTooLargeError) tooLarge(req, res, requestId, overLimit);
    else sendJson(res, 400, { __type: 'SerializationException', message: `The body must be JSON: ${BODY_SHAPE}.` });
    return null;
  }
}

export async function serveActivate(req: IncomingMessage, res: ServerResponse, { backend, readOnly }: RouteContext): Promise<void> {
  const requestId = newRequestId();
  if (req.method !== 'POST') {
    req.resume();
    sendJson(res, 405, { __type: 'UnknownOperationException', message: 'Use POST /api/emulator/activate-cluster.' }, { Allow: 'POST' });
    return;
  }
  if (!backend.activateCluster) {
    req.resume();
    sendJson(res, 400, {
      __type: 'CloudHsmInvalidRequestException',
      message: 'Only the emulator can activate a cluster from the dashboard; on AWS run `cloudhsm-cli cluster activate`.',
    });
    return;
  }
  if (readOnly) {
    refuse(req, res, requestId, accessDenied('The dashboard was started with --read-only: activating a cluster is not allowed.'));
    return;
  }
  const input = await readActivateBody(req, res, requestId);
  if (!input) return;
  const region = typeof input.region === 'string' ? input.region : '';
  const clusterId = typeof input.clusterId === 'string' ? input.clusterId : '';
  if (!isCloudHsmRegion(region) || clusterId === '') {
    sendJson(res, 400, { __type: 'CloudHsmInvalidRequestException', message: `Give a CloudHSM region and a cluster id: ${BODY_SHAPE}.` });
    return;
  }
  try {
    await backend.activateCluster(region, clusterId);
    sendJson(res, 200, { ok: true });
  } catch (error) {
    const typed = error instanceof DashboardApiError ? error : internalFailure();
    sendJson(
      res,
      typed.status,
      { __type: typed.type, message: clip(typed.message, 1000) },
      { 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': typed.type },
    );
  }
}
