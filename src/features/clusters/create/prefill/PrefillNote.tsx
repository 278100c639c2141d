/**
 * What the create form took from the backup's source cluster ("Prefilled from payments-prod: …"), or why it
 * took nothing but the backup, or which account shares it; and, in the backup section, what a cluster restored from a backup is.
 */
import { Alert, StatusIndicator } from '../../../../ui';
import type { PrefillGroup, SourcePrefill } from './sourcePrefill';
import type { PrefillStatus } from './useSourcePrefill';

/** "a, b and c". */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function Prefilled({ prefill, applied, tagsUnread }: { prefill: SourcePrefill; applied: readonly PrefillGroup[]; tagsUnread: boolean }) {
  const groups = Object.keys(prefill.parts) as PrefillGroup[];
  const taken = applied.map((group) => prefill.parts[group]?.words ?? group);
  const kept = groups.filter((group) => !applied.includes(group)).map((group) => prefill.parts[group]?.words ?? group);
  const named = prefill.from !== prefill.clusterId;
  return (
    <Alert type="info" live={false} header={`Prefilled from ${prefill.from}`} data-testid="prefill-note">
      <p>
        {taken.length > 0
          ? `From ${named ? `${prefill.from} (${prefill.clusterId})` : prefill.clusterId}, the backup’s cluster: ${listWords(taken)}. Change any of them as you need.`
          : `Nothing was taken from ${prefill.from}: it has nothing a new cluster can use, or you had already set it.`}
      </p>
      {kept.length > 0 && (
        <p>
          Left as you had set them ({prefill.from} has {listWords(kept)}).
        </p>
      )}
      {prefill.notTaken.length > 0 && <p>Not taken: {prefill.notTaken.join('; ')}.</p>}
      {named && <p>Its Name tag is not copied: give the new cluster a name of its own.</p>}
      {tagsUnread && <p>Its tags could not be read: add any you need.</p>}
    </Alert>
  );
}

/** Another account's backup: who shares it, what it gave, and why nothing else is taken. */
function SharedBy({ owner, prefill, applied }: { owner: string; prefill: SourcePrefill; applied: readonly PrefillGroup[] }) {
  const taken = applied.map((group) => prefill.parts[group]?.words ?? group);
  return (
    <Alert type="info" live={false} header={`Shared by account ${owner}`} data-testid="prefill-note">
      <p>
        This backup belongs to account {owner}, which shares it with this one.
        {taken.length > 0 ? ` Taken from it: ${listWords(taken)}, and its mode.` : ' Its mode is taken from it.'}
      </p>
      {prefill.notTaken.length > 0 && <p>Not taken: {prefill.notTaken.join('; ')}.</p>}
      <p>
        Its cluster{prefill.clusterId ? ` (${prefill.clusterId})` : ''}, VPC and subnets are that account’s: choose a VPC and subnets of
        this account, the retention and the tags.
      </p>
    </Alert>
  );
}

/** The note above the form; its wrapper stays in the page so the note is announced when it arrives. */
export function PrefillNote({ status }: { status: PrefillStatus }) {
  return (
    <div role="status" className="empty:hidden">
      {status.kind === 'loading' && (
        <StatusIndicator icon="in-progress">
          {status.shared
            ? 'Looking for the backup among those shared with this account…'
            : 'Reading the backup’s source cluster to prefill the form…'}
        </StatusIndicator>
      )}
      {status.kind === 'prefilled' && <Prefilled {...status} />}
      {status.kind === 'shared' && <SharedBy {...status} />}
      {status.kind === 'gone' && (
        <Alert type="warning" live={false} header="The backup’s cluster no longer exists" data-testid="prefill-note">
          {status.clusterId} is no longer in {status.region}, so nothing but the backup is prefilled: choose the network, HSM type,
          retention and tags yourself.
        </Alert>
      )}
      {status.kind === 'failed' && (
        <Alert type="warning" live={false} header="The backup’s cluster could not be read" data-testid="prefill-note">
          {status.clusterId} could not be looked up ({status.message}), so nothing but the backup is prefilled.
        </Alert>
      )}
    </div>
  );
}

/** In the backup section, once a backup is chosen: the restored cluster is ACTIVE with the source's identity. */
export function RestoredClusterNote() {
  return (
    <Alert type="info" live={false} header="Starts ACTIVE, no initialization" data-testid="restore-active-note">
      A cluster created from a backup starts ACTIVE with the source cluster’s certificate and users, so the same credentials apply: there is
      nothing to initialize or activate. The first HSM you add receives the backup’s keys.
    </Alert>
  );
}
