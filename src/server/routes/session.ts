/** `GET /api/session`: what the SPA needs to start (mode, regions, read-only, account, identity). Never a credential. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SessionInfo } from '../../cloudhsm/api';
import { CLOUDHSM_REGIONS } from '../../cloudhsm/regions';
import { identityOf } from '../identity';
import { sendJson, type RouteContext } from './respond';

export async function sessionInfo({ backend, readOnly, residencyTagKey, pollSeconds }: RouteContext): Promise<SessionInfo> {
  const details = await backend.session();
  const info: SessionInfo = {
    mode: backend.mode,
    regions: details.regions,
    readOnly,
    availableRegions: [...CLOUDHSM_REGIONS],
    residencyTagKey,
  };
  if (details.accountId) info.accountId = details.accountId;
  if (details.arn) info.identity = identityOf(details.arn);
  if (details.profile) info.profile = details.profile;
  if (details.endpoint) info.endpoint = details.endpoint;
  if (details.accounts) info.accounts = details.accounts;
  if (pollSeconds !== undefined) info.pollSeconds = pollSeconds;
  return info;
}

export async function serveSession(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    req.resume();
    sendJson(res, 405, { message: 'Use GET /api/session.' }, { Allow: 'GET' });
    return;
  }
  sendJson(res, 200, await sessionInfo(context));
}
