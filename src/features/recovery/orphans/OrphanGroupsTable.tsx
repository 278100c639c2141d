/**
 * The groups of orphaned backups: a table on wide screens, one card per group on phones. Each says the former
 * cluster, where the backups are (copies: from which region), how many, how many never expire, the newest
 * and oldest, how old they are, and offers "Delete N backups…".
 */
import type { RegionalBackup } from '../../../aws';
import { nameTagOf } from '../../../cloudhsm/names';
import type { OrphanGroup } from '../../../cloudhsm/orphans';
import { regionName } from '../../../cloudhsm/regions';
import { DateTime, formatAge, StatusIndicator, useNarrowScreen } from '../../../ui';
import { ActionButton } from '../../../ui/actions';
import { pluralBackups } from '../../backups/actions/bulk/BulkDialog';

type Group = OrphanGroup<RegionalBackup>;

export interface OrphanGroupsTableProps {
  groups: readonly Group[];
  /** The table is still filling in (the scan runs). */
  busy: boolean;
  now: number;
  onDelete: (group: Group) => void;
}

const COLUMNS = ['Former cluster', 'Region', 'READY backups', 'Created'] as const;
const HEAD = 'py-2 pr-4 align-bottom';
const CELL = 'py-2 pr-4 align-top';
const MUTED = 'text-xs text-slate-600 dark:text-slate-300';

/** How the former cluster is gone, and a Name a backup still carries (the cluster's own went with it). */
function GoneDetails({ group }: { group: Group }) {
  const named = group.backups.map((r) => nameTagOf(r.backup.TagList)).find(Boolean);
  return (
    <>
      <span className="block">
        <StatusIndicator icon="stopped" className="text-xs">
          {group.listedAsDeleted ? 'Cluster DELETED' : 'Cluster no longer exists'}
        </StatusIndicator>
      </span>
      {named && <span className={`block ${MUTED}`}>A backup is named “{named}”</span>}
    </>
  );
}

function Where({ group }: { group: Group }) {
  return (
    <>
      <span className="font-mono">{group.region}</span>
      <span className={`block ${MUTED}`}>{regionName(group.region)}</span>
      {group.copies > 0 && (
        <span className="block text-xs">
          {group.copies === group.backups.length ? 'Copies' : `${group.copies} copies`} from {group.clusterRegion}; their source cluster is
          gone
        </span>
      )}
    </>
  );
}

function Counts({ group }: { group: Group }) {
  return (
    <>
      <span data-testid="orphan-count">{pluralBackups(group.backups.length)}</span>
      <span className={`block ${MUTED}`} data-testid="orphan-never-expires">
        {group.neverExpires} never {group.neverExpires === 1 ? 'expires' : 'expire'}
      </span>
    </>
  );
}

/** Newest and oldest, and in words how old: the oldest's age and the time the group spans. */
function Dates({ group, now }: { group: Group; now: number }) {
  return (
    <>
      <span className="block whitespace-nowrap">
        Newest <DateTime value={group.newest} now={now} focusable={false} />
      </span>
      <span className="block whitespace-nowrap">
        Oldest <DateTime value={group.oldest} now={now} focusable={false} />
      </span>
      <span className={`block ${MUTED}`} data-testid="orphan-age">
        The oldest is {formatAge(group.oldest, now)} old; together they span {formatAge(group.oldest, group.newest)}.
      </span>
    </>
  );
}

function DeleteButton({ group, onDelete }: { group: Group; onDelete: (group: Group) => void }) {
  const n = pluralBackups(group.backups.length);
  return (
    <ActionButton
      variant="danger"
      onClick={() => onDelete(group)}
      aria-label={`Delete ${n}… of ${group.clusterId} in ${group.region}`}
      data-testid="orphan-delete"
    >
      Delete {n}…
    </ActionButton>
  );
}

export function OrphanGroupsTable({ groups, busy, now, onDelete }: OrphanGroupsTableProps) {
  const narrow = useNarrowScreen();
  if (narrow)
    return (
      <ul className="m-0 flex list-none flex-col gap-2 p-0" aria-label="Orphaned backups by former cluster" aria-busy={busy || undefined}>
        {groups.map((group) => (
          <li
            key={group.key}
            data-testid="orphan-group"
            data-cluster={group.clusterId}
            className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800"
          >
            <h3 className="font-mono font-medium break-all">{group.clusterId}</h3>
            <GoneDetails group={group} />
            <dl className="mt-2 grid grid-cols-[minmax(0,6rem)_minmax(0,1fr)] gap-x-2 gap-y-2">
              {(
                [
                  ['Region', <Where key="w" group={group} />],
                  ['Backups', <Counts key="c" group={group} />],
                  ['Created', <Dates key="d" group={group} now={now} />],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
                  <dd className="min-w-0">{value}</dd>
                </div>
              ))}
            </dl>
            <div className="mt-2">
              <DeleteButton group={group} onDelete={onDelete} />
            </div>
          </li>
        ))}
      </ul>
    );
  return (
    // Scrolls sideways in a narrow window rather than widening the page (phones get cards).
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" aria-busy={busy || undefined} data-testid="orphan-table">
        <caption className="sr-only">Orphaned backups, by former cluster and region</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={HEAD}>
                {column}
              </th>
            ))}
            <th scope="col" className={HEAD}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr
              key={group.key}
              data-testid="orphan-group"
              data-cluster={group.clusterId}
              className="border-b border-slate-200 dark:border-slate-800"
            >
              <th scope="row" className={`${CELL} font-normal`}>
                <span className="font-mono break-all">{group.clusterId}</span>
                <GoneDetails group={group} />
              </th>
              <td className={CELL}>
                <Where group={group} />
              </td>
              <td className={CELL}>
                <Counts group={group} />
              </td>
              <td className={CELL}>
                <Dates group={group} now={now} />
              </td>
              <td className={CELL}>
                <DeleteButton group={group} onDelete={onDelete} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
