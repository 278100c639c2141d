/**
 * Which account a request names (`/aws/<account>/<region>`, `/api/quotas?account=`): 12 digits, and one of the
 * accounts the server was started with; the base account's id means the base (undefined), as `/aws/<region>` does.
 */
import { clip } from '../../cloudhsm/clip';
import { DashboardApiError, unknownAccount } from '../apiErrors';
import type { Backend } from '../backend';

export type AccountVerdict = { account: string | undefined } | { refused: DashboardApiError };

export const isAccountIdText = (text: string): boolean => /^\d{12}$/.test(text);

export function badAccount(text: string): DashboardApiError {
  return new DashboardApiError('CloudHsmInvalidRequestException', 400, `"${clip(text, 40)}" is not an AWS account id (12 digits).`);
}

/** The account to call as (undefined: the base), or why not. */
export async function resolveAccount(backend: Backend, text: string): Promise<AccountVerdict> {
  if (!isAccountIdText(text)) return { refused: badAccount(text) };
  const known = await backend.accountIds();
  if (text === known.base) return { account: undefined };
  if (known.others.includes(text)) return { account: text };
  return { refused: unknownAccount(text, [...(known.base ? [known.base] : []), ...known.others]) };
}
