/**
 * Which account a request names (`/aws/<account>/<region>`, `?account=` of /api/quotas and /api/network): 12
 * digits, and one of the accounts the server was started with; the base account's id means the base
 * (undefined), as `/aws/<region>` does.
 */
import type { ServerResponse } from 'node:http';
import { clip } from '../../cloudhsm/clip';
import { isAccountId } from '../../cloudhsm/ids';
import { DashboardApiError, unknownAccount } from '../apiErrors';
import type { Backend } from '../backend';
import { sendJson } from './respond';

export type AccountVerdict = { account: string | undefined } | { refused: DashboardApiError };

export function badAccount(text: string): DashboardApiError {
  return new DashboardApiError('CloudHsmInvalidRequestException', 400, `"${clip(text, 40)}" is not an AWS account id (12 digits).`);
}

/** The account to call as (undefined: the base), or why not. */
export async function resolveAccount(backend: Backend, text: string): Promise<AccountVerdict> {
  if (!isAccountId(text)) return { refused: badAccount(text) };
  const known = await backend.accountIds();
  if (text === known.base) return { account: undefined };
  if (known.others.includes(text)) return { account: text };
  return { refused: unknownAccount(text, [...(known.base ? [known.base] : []), ...known.others]) };
}

/** The `account` query parameter of an /api route (absent: the base account); null when its refusal was answered. */
export async function queryAccount(
  res: ServerResponse,
  backend: Backend,
  query: URLSearchParams,
): Promise<{ account: string | undefined } | null> {
  const named = query.get('account');
  if (named === null) return { account: undefined };
  const verdict = await resolveAccount(backend, named);
  if ('refused' in verdict) {
    sendJson(res, verdict.refused.status, { __type: verdict.refused.type, message: verdict.refused.message });
    return null;
  }
  return verdict;
}
