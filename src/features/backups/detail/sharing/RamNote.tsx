/**
 * What AWS says about sharing with a policy (the PutResourcePolicy reference): it recommends AWS RAM, and a
 * backup shared by PutResourcePolicy reaches the other account's DescribeBackups only once the resource
 * share RAM made from the policy is promoted. The command is copyable; its placeholder is explained.
 */
import { useId, useState } from 'react';
import { PROMOTE_COMMAND } from '../../../../cloudhsm/sharing';
import { Button } from '../../../../ui';

export function RamNote() {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const headingId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(PROMOTE_COMMAND);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2 text-sm" data-testid="ram-note">
      <h4 id={headingId} className="font-medium">
        AWS recommends AWS RAM
      </h4>
      <p>
        AWS recommends sharing backups through AWS Resource Access Manager (RAM). A backup shared with a resource policy, as here, is in the
        other account&apos;s DescribeBackups (and this dashboard&apos;s &ldquo;Shared with me&rdquo;) only after the resource share RAM
        created from the policy is promoted to a standard one:
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => void copy()} data-testid="copy-promote-command">
          Copy command
        </Button>
        <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
          {copied === 'yes'
            ? 'Command copied to the clipboard.'
            : copied === 'failed'
              ? 'The browser did not allow copying; select the text instead.'
              : ''}
        </span>
      </div>
      <pre
        // Wrapped, not scrolled: a pre that scrolls sideways still widens a grid or flex parent to its one line.
        className="rounded border border-slate-300 bg-slate-50 p-3 text-xs break-all whitespace-pre-wrap dark:border-slate-700 dark:bg-slate-900"
        data-testid="promote-command"
      >
        <code>{PROMOTE_COMMAND}</code>
      </pre>
      <p className="break-words text-slate-700 dark:text-slate-300">
        <code className="font-mono">&lt;resource-share-arn&gt;</code> is the ARN of the resource share RAM made from this policy: it is
        listed by <code className="font-mono">aws ram get-resource-shares --resource-owner SELF</code> with the feature set{' '}
        <code className="font-mono">CREATED_FROM_POLICY</code>. AWS asks you to promote its permission first (
        <code className="font-mono">aws ram promote-permission-created-from-policy</code>), or the promotion fails.
      </p>
    </section>
  );
}
