/**
 * Who you are, in the header: the mode, the account id and the principal (user or role name), with the full
 * ARN, the profile and the endpoint on hover and keyboard focus (the kit's tooltip) and, for screen readers, as
 * the principal's description. Compact at 390 px: the mode and the principal stay; the account and the profile
 * show from the `sm`/`md` breakpoints and are in the tooltip at every width.
 */
import { useId } from 'react';
import type { SessionInfo } from '../../aws';
import { useTooltip } from '../../ui/Tooltip';

type Identity = NonNullable<SessionInfo['identity']>;

const KIND_WORDS: Record<Identity['kind'], string> = {
  user: 'IAM user',
  role: 'Role',
  root: 'Root user',
  'federated-user': 'Federated user',
  other: 'Principal',
};

/** The tooltip's lines, which are also the principal's description for screen readers. */
function detailLines(session: SessionInfo): string[] {
  const lines: string[] = [];
  const { identity } = session;
  if (identity) {
    lines.push(`${KIND_WORDS[identity.kind]} ${identity.principal}${identity.session ? ` (session ${identity.session})` : ''}`);
    lines.push(identity.arn);
  } else if (session.mode === 'aws') {
    lines.push("Who the credentials belong to could not be looked up (STS GetCallerIdentity); the server's log says why.");
  }
  if (session.accountId) lines.push(`Account ${session.accountId}`);
  if (session.mode === 'aws') lines.push(session.profile ? `Profile ${session.profile}` : 'Default credential chain (no profile)');
  if (session.endpoint) lines.push(`Endpoint ${session.endpoint}`);
  return lines;
}

export function SessionBadge({ session }: { session: SessionInfo }) {
  const descriptionId = useId();
  const lines = detailLines(session);
  const { setAnchor, handlers, bubble } = useTooltip<HTMLSpanElement>(
    <span className="flex flex-col gap-0.5">
      {lines.map((line) => (
        <span key={line} className="break-all">
          {line}
        </span>
      ))}
    </span>,
  );
  const principal = session.identity?.principal ?? (session.mode === 'aws' ? 'identity unknown' : null);
  return (
    <p className="flex min-w-0 items-baseline gap-x-1 text-sm text-slate-600 dark:text-slate-300" data-testid="session">
      <span className="font-medium text-slate-800 dark:text-slate-100">{session.mode === 'emulator' ? 'Emulator' : 'AWS'}</span>
      {session.mode === 'aws' && session.profile && <span className="hidden md:inline">({session.profile})</span>}
      {session.accountId && <span className="hidden sm:inline">· account {session.accountId}</span>}
      {principal && (
        <>
          <span aria-hidden="true">·</span>
          <span
            ref={setAnchor}
            // A tooltip trigger, not a control: focusable so keyboard users reach the ARN (WCAG 1.4.13).
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={0}
            aria-describedby={descriptionId}
            data-testid="session-principal"
            className="max-w-[10rem] truncate rounded-sm underline decoration-slate-400 decoration-dotted underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 sm:max-w-[16rem] dark:decoration-slate-500"
            {...handlers}
          >
            {principal}
          </span>
          <span id={descriptionId} className="sr-only">
            {lines.join('. ')}
          </span>
        </>
      )}
      {session.readOnly && <span className="ml-1 rounded border border-amber-600 px-1 text-amber-900 dark:text-amber-200">read-only</span>}
      {bubble}
    </p>
  );
}
