/** The AWS CLI command that does what the form will do, kept up to date as the form changes, with a copy button. */
import { useId, useState } from 'react';
import { Button } from '../../../ui';

export function CliCommandPreview({ command }: { command: string }) {
  // What the last copy did, and for which command: a changed command drops the old result.
  const [copied, setCopied] = useState<{ command: string; result: 'yes' | 'failed' } | null>(null);
  const result = copied?.command === command ? copied.result : null;
  const headingId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied({ command, result: 'yes' });
    } catch {
      setCopied({ command, result: 'failed' });
    }
  };
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <h3 id={headingId} className="text-sm font-medium">
          The same with the AWS CLI
        </h3>
        <Button onClick={() => void copy()}>Copy command</Button>
        <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
          {result === 'yes'
            ? 'Command copied to the clipboard.'
            : result === 'failed'
              ? 'The browser did not allow copying; select the text instead.'
              : ''}
        </span>
      </div>
      <pre
        className="overflow-x-auto rounded border border-slate-300 bg-slate-50 p-3 text-xs dark:border-slate-700 dark:bg-slate-900"
        data-testid="cli-command"
        // A region that scrolls sideways: keyboard users reach it to scroll it (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        aria-label="AWS CLI command"
      >
        <code>{command}</code>
      </pre>
      <p className="text-xs text-slate-600 dark:text-slate-400">For bash or zsh; add --profile if you use named profiles.</p>
    </section>
  );
}
