/**
 * The accounts a backup is shared with, each with "Remove" (confirmed first): the policy is rewritten
 * without it, or deleted when nothing is left. Statements the dashboard did not write are named and kept;
 * a policy it cannot read is shown as it is.
 */
import { useState } from 'react';
import { removeShareAccount } from '../../../../cloudhsm/sharing';
import { Alert, EmptyState } from '../../../../ui';
import { ActionButton, ConfirmDialog } from '../../../../ui/actions';
import { useSendPolicyChange, type BackupSharing } from './useBackupSharing';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function SharedAccounts({ sharing, onRemoved }: { sharing: BackupSharing; onRemoved: () => void }) {
  const { read, policy } = sharing;
  if (read.kind === 'unreadable') {
    return (
      <Alert type="warning" header="The resource policy is not one the dashboard can read" data-testid="policy-unreadable">
        <p>{read.reason} It is left as it is; change it with the AWS CLI (put-resource-policy).</p>
        <pre
          className="mt-2 max-h-48 overflow-auto rounded bg-white p-2 text-xs whitespace-pre-wrap dark:bg-slate-900"
          // A region that scrolls: keyboard users reach it to scroll it (WCAG 2.1.1).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          aria-label="The resource policy as AWS returned it"
        >
          {policy.data}
        </pre>
      </Alert>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {read.accounts.length === 0 ? (
        <EmptyState
          title="Not shared with any account"
          description="Share it with an account below: that account can then create a cluster from it, with its keys and users."
          data-testid="sharing-empty"
        />
      ) : (
        <ul aria-label="Accounts this backup is shared with" data-testid="shared-accounts" className="flex flex-col gap-1">
          {read.accounts.map((account) => (
            <SharedAccountRow key={account} sharing={sharing} account={account} onRemoved={onRemoved} />
          ))}
        </ul>
      )}
      {read.otherStatements > 0 && (
        <p className="text-sm" data-testid="other-statements">
          The policy also has {plural(read.otherStatements, 'other statement')} that the dashboard did not write; they are kept as they are.
        </p>
      )}
    </div>
  );
}

function SharedAccountRow({ sharing, account, onRemoved }: { sharing: BackupSharing; account: string; onRemoved: () => void }) {
  const change = useSendPolicyChange(sharing);
  const [open, setOpen] = useState(false);
  const next = removeShareAccount(sharing.read, sharing.arn, account);
  // AWS takes a rewritten policy only on a READY backup; removing the last account deletes it, which it takes in any state.
  const reason = sharing.ownedElsewhere || next.kind === 'put' ? sharing.blockedReason : null;
  const blocked = next.kind === 'refused' ? next.error : reason;
  const backupId = sharing.backup.BackupId ?? '';
  const confirm = () => {
    if (next.kind === 'refused') return;
    change.send(next).then(
      () => {
        setOpen(false);
        onRemoved();
      },
      () => {
        // The error shows in the dialog.
      },
    );
  };
  return (
    <li
      className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 px-3 py-2 dark:border-slate-700"
      data-testid="shared-account"
    >
      <span className="font-mono">{account}</span>
      <ActionButton
        variant="danger"
        aria-label={`Stop sharing with ${account}`}
        disabledReason={reason}
        onClick={() => {
          change.reset();
          setOpen(true);
        }}
        data-testid="unshare"
      >
        Remove
      </ActionButton>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        testId="unshare-dialog"
        danger
        title={
          <>
            Stop sharing <span className="font-mono">{backupId}</span> with {account}?
          </>
        }
        description={`Account ${account} can no longer see this backup or create a cluster from it. Clusters it already created from it are not affected.`}
        blockedReason={change.pending ? null : blocked}
        confirmLabel="Stop sharing"
        pendingLabel="Removing…"
        pending={change.pending}
        error={change.error}
        errorWhat={`Could not stop sharing with ${account}`}
        onConfirm={confirm}
      >
        <p className="text-sm">
          {next.kind === 'delete'
            ? 'It is the last account: the backup’s resource policy is deleted (DeleteResourcePolicy).'
            : 'The resource policy is rewritten without it (PutResourcePolicy); the other accounts and statements stay.'}
        </p>
      </ConfirmDialog>
    </li>
  );
}
