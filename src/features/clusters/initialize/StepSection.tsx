/** One step of the flow: a numbered section the step list links to (focusable, so moving to it moves focus). */
import type { ReactNode } from 'react';
import { INIT_STEP_LABELS, INIT_STEPS, type InitStep } from './flow';

export type StepStatus = 'complete' | 'current' | 'upcoming';

export const stepSectionId = (step: InitStep) => `init-step-${step}`;
const headingId = (step: InitStep) => `init-step-${step}-heading`;

const STATUS_TEXT: Record<StepStatus, string> = { complete: 'done', current: 'current step', upcoming: 'to do' };

export function StepSection({ step, status, children }: { step: InitStep; status: StepStatus; children: ReactNode }) {
  const number = INIT_STEPS.indexOf(step) + 1;
  return (
    <section
      id={stepSectionId(step)}
      aria-labelledby={headingId(step)}
      tabIndex={-1}
      data-testid={`init-step-${step}`}
      data-status={status}
      className={`mb-4 scroll-mt-4 rounded border p-4 focus-visible:outline-2 focus-visible:outline-blue-600 ${
        status === 'current' ? 'border-blue-600 dark:border-blue-400' : 'border-slate-300 dark:border-slate-700'
      }`}
    >
      <h3 id={headingId(step)} className="mb-2 font-medium">
        {number}. {INIT_STEP_LABELS[step]}
        <span className="ml-2 text-xs font-normal text-slate-700 dark:text-slate-300">
          ({status === 'complete' && <span aria-hidden="true">✓ </span>}
          {STATUS_TEXT[status]})
        </span>
      </h3>
      {children}
    </section>
  );
}

/** The step list: an ordered list of links to the sections, the current one marked aria-current="step". */
export function StepNav({ current, statusOf }: { current: InitStep; statusOf: (step: InitStep) => StepStatus }) {
  const go = (step: InitStep) => {
    const section = document.getElementById(stepSectionId(step));
    section?.focus({ preventScroll: true });
    section?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  };
  return (
    <nav aria-label="Initialize steps" className="mb-4">
      <ol className="flex flex-wrap gap-2 text-sm">
        {INIT_STEPS.map((step, index) => {
          const status = statusOf(step);
          return (
            <li key={step}>
              <a
                href={`#${stepSectionId(step)}`}
                aria-current={step === current ? 'step' : undefined}
                data-status={status}
                onClick={(event) => {
                  // In-page move without touching the router's URL; focus follows, for keyboard and screen readers.
                  event.preventDefault();
                  go(step);
                }}
                className={`inline-block rounded border px-2 py-1 ${
                  step === current
                    ? 'border-blue-700 bg-blue-50 font-semibold text-blue-900 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-100'
                    : 'border-slate-300 dark:border-slate-700'
                }`}
              >
                {status === 'complete' && <span aria-hidden="true">✓ </span>}
                {index + 1}. {INIT_STEP_LABELS[step]}
                {status === 'complete' && <span className="sr-only"> (done)</span>}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
