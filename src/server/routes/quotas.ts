/**
 * `GET /api/quotas?region=<region>[&account=<12 digits>]`: an account's CloudHSM quotas in a region (QuotaInfo),
 * from the embedded emulator, or in AWS mode from Service Quotas, else AWS's defaults said as such. Usage is
 * counted by the browser. The account is the base one when absent, and must be one the server was started with.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLOUDHSM_REGIONS, isCloudHsmRegion } from '../../cloudhsm/regions';
import { queryAccount } from './accounts';
import { sendJson, type RouteContext } from './respond';

export async function serveQuotas(req: IncomingMessage, res: ServerResponse, { backend }: RouteContext): Promise<void> {
  req.resume();
  if (req.method !== 'GET') {
    sendJson(res, 405, { message: 'Use GET /api/quotas?region=<region>[&account=<account>].' }, { Allow: 'GET' });
    return;
  }
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const region = query.get('region') ?? '';
  if (!isCloudHsmRegion(region)) {
    sendJson(res, 400, {
      __type: 'CloudHsmInvalidRequestException',
      message: `"${region.slice(0, 40)}" is not a region with CloudHSM V2. Use one of: ${CLOUDHSM_REGIONS.join(', ')}.`,
    });
    return;
  }
  const named = await queryAccount(res, backend, query);
  if (!named) return;
  sendJson(res, 200, await backend.quotas(region, named.account));
}
