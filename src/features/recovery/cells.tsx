/**
 * The posture cells of a recovery row: the newest local backup, its status against the target, and the DR
 * copies per region. States in icon and words from the kit (never colour alone); ages in words with the
 * date as the DateTime's tooltip.
 */
import { Link, type To } from 'react-router';
import type { BackupWithExtras } from '../../aws';
import { regionName } from '../../cloudhsm/regions';
import { targetWords, type DrRegionPosture, type DrStatus, type LocalStatus, type Newest } from '../../cloudhsm/recovery';
import type { StatusIconName } from '../../ui';
import { Button, formatAge, StatusIndicator } from '../../ui';
import type { RecoveryRow } from './useRecoveryData';

/** A backup's page; `account` for another account's backup (issue 15). */
export type BackupHref = (region: string, backupId: string, account?: string) => To;

const LOCAL_STATUS: Record<LocalStatus, { icon: StatusIconName; words: string }> = {
  'on-target': { icon: 'success', words: 'On target' },
  behind: { icon: 'warning', words: 'Behind' },
  'no-backup': { icon: 'error', words: 'No backup' },
  'not-initialized': { icon: 'info', words: 'Nothing to back up' },
  unknown: { icon: 'in-progress', words: 'Checking…' },
};

const DR_STATUS: Record<DrStatus, { icon: StatusIconName; words: string }> = {
  'on-target': { icon: 'success', words: 'On target' },
  behind: { icon: 'warning', words: 'Behind' },
  copying: { icon: 'in-progress', words: 'Copying' },
};

export function LocalStatusCell({ row }: { row: RecoveryRow }) {
  const { status, local, targets } = row.posture;
  const failed = status === 'unknown' && local.kind === 'unknown' && local.reason === 'error';
  const shown = failed ? { icon: 'info' as const, words: 'Unknown' } : LOCAL_STATUS[status];
  return (
    <span className="flex flex-col gap-0.5" data-testid="recovery-status" data-status={failed ? 'unknown-error' : status}>
      <StatusIndicator icon={shown.icon}>{shown.words}</StatusIndicator>
      <span className="text-xs text-slate-600 dark:text-slate-400">
        {status === 'not-initialized' ? 'not initialized: holds no keys' : `target ${targetWords(targets.localHours)}`}
      </span>
    </span>
  );
}

function BackupLink({ region, backup, href }: { region: string; backup: BackupWithExtras; href: BackupHref }) {
  const id = backup.BackupId ?? '';
  return (
    <Link to={href(region, id)} className="font-mono text-xs text-sky-800 underline dark:text-sky-300">
      {id}
    </Link>
  );
}

/**
 * "3 hours old", "older than 2 days" (with Find newest), "none", "loading…". "Older than" only once the loaded
 * pages reach back past the target: before that, the next page may still hold the answer.
 */
export function NewestBackupCell({
  row,
  now,
  href,
  onFindNewest,
}: {
  row: RecoveryRow;
  now: number;
  href: BackupHref;
  onFindNewest: (clusterId: string) => void;
}) {
  const local: Newest<BackupWithExtras> = row.posture.local;
  const answer = row.answer;
  const homeError = answer?.errors.find((e) => e.region === row.region);
  return (
    <span className="flex flex-col gap-0.5" data-testid="recovery-newest">
      {local.kind === 'found' && (
        <>
          <BackupLink region={row.region} backup={local.backup} href={href} />
          <span className="text-xs">{formatAge(local.backup.CreateTimestamp, now)} old</span>
        </>
      )}
      {local.kind === 'none' && <span>None</span>}
      {local.kind === 'unknown' && (
        <span className="text-slate-600 dark:text-slate-400">{local.reason === 'error' ? 'Could not read' : 'Loading…'}</span>
      )}
      {local.kind === 'older' && row.posture.status === 'unknown' && <span className="text-slate-600 dark:text-slate-400">Loading…</span>}
      {local.kind === 'older' && row.posture.status !== 'unknown' && (
        <>
          <span>older than {formatAge(local.sinceMs, now)}</span>
          {answer?.pending ? (
            <StatusIndicator icon="in-progress">Finding…</StatusIndicator>
          ) : (
            <Button
              variant="link"
              size="sm"
              className="self-start"
              onClick={() => onFindNewest(row.id)}
              aria-label={`Find the newest backup of ${row.name}`}
            >
              Find newest
            </Button>
          )}
          {homeError && <span className="text-xs text-red-800 dark:text-red-300">{homeError.error.info.message}</span>}
        </>
      )}
    </span>
  );
}

function DrRegion({ dr, now, href }: { dr: DrRegionPosture<BackupWithExtras>; now: number; href: BackupHref }) {
  const shown = DR_STATUS[dr.status];
  return (
    <li className="flex flex-wrap items-baseline gap-x-2" data-testid="recovery-dr" data-region={dr.region} data-status={dr.status}>
      <span className="font-medium" title={regionName(dr.region)}>
        {dr.region}
      </span>
      {dr.newest && (
        <>
          <BackupLink region={dr.region} backup={dr.newest} href={href} />
          <span className="text-xs">{formatAge(dr.newest.CreateTimestamp, now)} old</span>
        </>
      )}
      <StatusIndicator icon={shown.icon}>{shown.words}</StatusIndicator>
      {dr.copying && dr.newest && <StatusIndicator icon="in-progress">copying</StatusIndicator>}
    </li>
  );
}

export function DrCopiesCell({
  row,
  now,
  href,
  onFindNewest,
}: {
  row: RecoveryRow;
  now: number;
  href: BackupHref;
  onFindNewest: (clusterId: string) => void;
}) {
  const { dr, targets } = row.posture;
  if (dr.length === 0) {
    // The window holds only recent backups: an older copy shows once asked for.
    if (row.answer && !row.answer.pending)
      return <span className="text-slate-600 dark:text-slate-400">No copies in the shown regions</span>;
    return (
      <span className="flex flex-col gap-0.5 text-slate-600 dark:text-slate-400">
        None recent
        {row.answer?.pending ? (
          <StatusIndicator icon="in-progress">Looking…</StatusIndicator>
        ) : (
          <Button
            variant="link"
            size="sm"
            className="self-start"
            onClick={() => onFindNewest(row.id)}
            aria-label={`Look for older copies of ${row.name}`}
          >
            Look for older
          </Button>
        )}
      </span>
    );
  }
  return (
    <div>
      <ul className="m-0 flex list-none flex-col gap-1 p-0" aria-label={`DR copies of ${row.name}`}>
        {dr.map((d) => (
          <DrRegion key={d.region} dr={d} now={now} href={href} />
        ))}
      </ul>
      <span className="text-xs text-slate-600 dark:text-slate-400">target {targetWords(targets.drHours)}</span>
    </div>
  );
}
