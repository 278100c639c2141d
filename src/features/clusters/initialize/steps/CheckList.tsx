/** The certificate checks, one row each, with a summary that is announced when it changes. */
import { checksShortfall } from '../checkCounts';
import type { InitCheck, InitCheckStatus } from '../checkInitializationCertificates';
import type { ChecksState } from '../useInitializationChecks';

const STATUS: Record<InitCheckStatus, { icon: string; text: string; className: string }> = {
  pass: { icon: '✓', text: 'Pass', className: 'text-green-800 dark:text-green-300' },
  fail: { icon: '✕', text: 'Fail', className: 'text-red-800 dark:text-red-300' },
  skipped: { icon: '–', text: 'Not checked', className: 'text-slate-700 dark:text-slate-300' },
};

export function checksSummary(state: ChecksState): string {
  if (state.kind === 'waiting') return 'The checks run when both certificates are given.';
  if (state.kind === 'checking') return 'Checking the certificates…';
  const shortfall = checksShortfall(state.checks);
  return shortfall === null ? `All ${state.checks.length} checks pass.` : `${shortfall}.`;
}

function CheckRow({ check }: { check: InitCheck }) {
  const s = STATUS[check.status];
  return (
    <li
      data-testid="init-check"
      data-check-id={check.id}
      data-status={check.status}
      className="rounded border border-slate-200 p-2 dark:border-slate-800"
    >
      <span className={`mr-2 font-medium ${s.className}`}>
        <span aria-hidden="true">{s.icon}</span> {s.text}:
      </span>
      <span>{check.label}</span>
      <p className="text-slate-700 dark:text-slate-300">{check.detail}</p>
    </li>
  );
}

export function CheckList({ state }: { state: ChecksState }) {
  return (
    <section aria-labelledby="init-checks-heading" className="mt-2">
      <h4 id="init-checks-heading" className="mb-1 font-medium">
        Checks made in this browser
      </h4>
      <p role="status" className="mb-2 text-sm" data-testid="init-checks-summary">
        {checksSummary(state)}
      </p>
      {state.kind === 'done' && (
        <ul className="space-y-1 text-sm" aria-label="Certificate checks">
          {state.checks.map((check) => (
            <CheckRow key={check.id} check={check} />
          ))}
        </ul>
      )}
    </section>
  );
}
