/** A row's account, as the Account column and the phone cards show it: the label, and the id beneath in small type. */
import { useListAccounts } from './listAccounts';

export function AccountName({ account, inline = false }: { account: string | undefined; inline?: boolean }) {
  const accounts = useListAccounts();
  const info = accounts.infoOf(account);
  const id = info?.id ?? account ?? '';
  const label = info?.label && info.label !== id ? info.label : undefined;
  return (
    <span className={inline ? 'inline-flex items-baseline gap-1' : 'flex flex-col'} data-testid="account-name">
      {label && <span>{label}</span>}
      <span className={label ? 'font-mono text-xs text-slate-600 dark:text-slate-400' : 'font-mono text-xs'}>
        {label && inline ? `(${id})` : id}
      </span>
    </span>
  );
}
