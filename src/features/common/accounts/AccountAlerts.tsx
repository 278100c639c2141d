/**
 * The shown accounts the server could not get credentials for (AssumeRole refused, a profile without
 * credentials): one alert each, in words, saying that their resources are missing from the list while the
 * other accounts still show. Nothing is drawn when every account works.
 */
import { accountName } from '../../../aws';
import { Alert } from '../../../ui/Alert';
import { useListAccounts } from './listAccounts';

export function AccountAlerts({ what }: { what: string }) {
  const { failed } = useListAccounts();
  return failed.map((account) => (
    <Alert
      key={account.id}
      type="error"
      className="mb-2"
      header={`Could not use account ${accountName(account)}: its ${what} are not shown`}
      data-testid="account-error"
    >
      <p className="break-words">{account.error}</p>
      <p className="mt-1">
        {account.source === 'role'
          ? `Check that the dashboard’s credentials may assume ${account.roleArn ?? 'the role'} (its trust policy and your IAM policy), then restart the dashboard.`
          : `Check the credentials of profile ${account.profile ?? account.label} (for example aws sso login), then restart the dashboard.`}{' '}
        The other accounts are shown.
      </p>
    </Alert>
  ));
}
