/** The AWS CLI command that does what the form will do, kept up to date as the form changes, with a copy button. */
import { useEffect, useId, useState } from 'react';
import { buttonClass } from '../../../ui/buttons';

export function CliCommandPreview({ command }: { command: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const headingId = useId();
  useEffect(() => setCopied(null), [command]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <h3 id={headingId} className="text-sm font-medium">
          The same with the AWS CLI
        </h3>
        <button type="button" className={buttonClass.secondary} onClick={() => void copy()}>
          Copy command
        </button>
        <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
          {copied === 'yes' ? 'Command copied to the clipboard.' : copied === 'failed' ? 'The browser did not allow copying; select the text instead.' : ''}
        </span>
      </div>
      <pre className="overflow-x-auto rounded border border-slate-300 bg-slate-50 p-3 text-xs dark:border-slate-700 dark:bg-slate-900" data-testid="cli-command" tabIndex={0} aria-label="AWS CLI command">
        <code>{command}</code>
      </pre>
      <p className="text-xs text-slate-600 dark:text-slate-400">For bash or zsh; add --profile if you use named profiles.</p>
    </section>
  );
}
