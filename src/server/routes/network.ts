/**
 * `GET /api/network?region=<region>[&account=<account>]`: the VPCs and subnets a cluster can be created in, from
 * the backend (the emulator's fake network, or EC2 in AWS mode with that account's credentials; when EC2 cannot
 * be asked the answer says why). The account is checked as `/aws/<account>/<region>` checks it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLOUDHSM_REGIONS, isCloudHsmRegion } from '../../cloudhsm/regions';
import { queryAccount } from './accounts';
import { sendJson, type RouteContext } from './respond';

export async function serveNetwork(req: IncomingMessage, res: ServerResponse, { backend }: RouteContext): Promise<void> {
  req.resume();
  if (req.method !== 'GET') {
    sendJson(res, 405, { message: 'Use GET /api/network?region=<region>.' }, { Allow: 'GET' });
    return;
  }
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const region = query.get('region') ?? '';
  if (!isCloudHsmRegion(region)) {
    sendJson(res, 400, {
      message: `"${region.slice(0, 40)}" is not a region with CloudHSM V2. Use one of: ${CLOUDHSM_REGIONS.join(', ')}.`,
    });
    return;
  }
  const named = await queryAccount(res, backend, query);
  if (!named) return;
  sendJson(res, 200, await backend.network(region, named.account));
}
