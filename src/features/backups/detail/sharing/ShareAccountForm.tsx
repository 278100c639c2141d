/**
 * "Share with account…": a 12-digit account id, checked before anything is sent (a bad id is an error on the
 * field and no call), then PutResourcePolicy with the document that adds it. The AWS refusal shows in place.
 */
import { useId, useState, type FormEvent } from 'react';
import { addShareAccount, checkShareAccount } from '../../../../cloudhsm/sharing';
import { FormField, Input } from '../../../../ui';
import { ActionButton, ActionError, ActionSuccess } from '../../../../ui/actions';
import { useSendPolicyChange, type BackupSharing } from './useBackupSharing';

export function ShareAccountForm({ sharing }: { sharing: BackupSharing }) {
  const { read, owner, arn, blockedReason, policy } = sharing;
  const change = useSendPolicyChange(sharing);
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [shared, setShared] = useState<string | null>(null);
  const inputId = useId();
  const unreadable = read.kind === 'unreadable' ? 'The current policy cannot be read, so the dashboard leaves it alone.' : null;
  const loading = policy.isPending && arn !== '' && !sharing.ownedElsewhere ? 'The current policy is still being read.' : null;
  const failed = policy.isError ? 'The current policy could not be read (see above).' : null;
  const reason = blockedReason ?? unreadable ?? loading ?? failed;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason !== null || change.pending) return;
    setShared(null);
    change.reset();
    const checked = checkShareAccount(text, { owner, sharedWith: read.kind === 'readable' ? read.accounts : [] });
    if (!checked.ok) return setFieldError(checked.error);
    const policyChange = addShareAccount(read, arn, checked.account);
    if (policyChange.kind === 'refused') return setFieldError(policyChange.error);
    setFieldError(null);
    change.send(policyChange).then(
      () => {
        setShared(checked.account);
        setText('');
      },
      () => {
        // The mutation holds the error; it shows below.
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2" aria-label="Share with another account" data-testid="share-form">
      <FormField
        label="Share with account…"
        controlId={inputId}
        description="The 12-digit ID of the AWS account that may see this backup and create a cluster from it."
        constraintText="12 digits, for example 444455556666."
        errorText={fieldError ?? undefined}
      >
        <Input
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (fieldError) setFieldError(null);
          }}
          className="w-full font-mono sm:w-56"
          data-testid="share-account-input"
        />
      </FormField>
      <div>
        <ActionButton
          type="submit"
          disabledReason={reason}
          showReason
          pending={change.pending}
          pendingLabel="Sharing…"
          data-testid="share-submit"
        >
          Share
        </ActionButton>
      </div>
      <div>
        {shared && !change.pending && (
          <ActionSuccess testId="share-success">
            Shared with <span className="font-mono">{shared}</span>. That account sees it in DescribeBackups once the share is promoted in
            AWS RAM (see below).
          </ActionSuccess>
        )}
        {change.error && <ActionError error={change.error} what="Could not share the backup" />}
      </div>
    </form>
  );
}
