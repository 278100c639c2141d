/** What a bulk action did: progress while it runs, then which backups succeeded, failed (with the AWS error) or were skipped. */
import { Link } from 'react-router';
import { accountLinkParams, AwsRequestError, useShownRegions } from '../../../../aws';
import { Alert } from '../../../../ui';
import { formatProgress, type BulkProgress, type BulkReport } from './bulkRunner';
import type { BackupRow } from '../../filterBackups';

export function BulkProgressView({ verb, progress }: { verb: string; progress: BulkProgress }) {
  return (
    <div className="flex flex-col gap-1" data-testid="bulk-progress">
      <p role="status">
        {verb}: {formatProgress(progress)}
      </p>
      <progress
        className="w-full"
        value={progress.done}
        max={Math.max(progress.total, 1)}
        aria-label={`${verb}: ${progress.done} of ${progress.total}`}
      />
    </div>
  );
}

const idOf = (row: BackupRow) => row.backup.BackupId ?? '';

function BackupLink({ row }: { row: BackupRow }) {
  const { linkTo } = useShownRegions();
  return (
    <Link className="font-mono underline" to={linkTo(`/backups/${row.region}/${idOf(row)}`, { params: accountLinkParams(row.account) })}>
      {idOf(row)}
    </Link>
  );
}

/** "CloudHsmInvalidRequestException: message (request …)" for any failure. */
export function failureText(error: unknown): string {
  if (error instanceof AwsRequestError) {
    const { code, message, requestId } = error.info;
    return `${code}: ${message}${requestId ? ` (request ${requestId})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function BulkReportView({
  report,
  skipped,
  done,
  failedWhat,
}: {
  report: BulkReport<BackupRow>;
  skipped: { item: BackupRow; reason: string }[];
  /** What happened to each succeeded backup ("is PENDING_DELETION"). */
  done: string;
  failedWhat: string;
}) {
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="bulk-report">
      {report.succeeded.length > 0 && (
        <Alert type="success" live data-testid="bulk-succeeded">
          <p>
            {report.succeeded.length} {report.succeeded.length === 1 ? 'backup' : 'backups'} {done}:
          </p>
          <ul className="max-h-40 list-disc overflow-y-auto pl-5">
            {report.succeeded.map((row) => (
              <li key={`${row.region}/${idOf(row)}`}>
                <BackupLink row={row} /> in {row.region}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {report.failed.length > 0 && (
        <Alert type="error" live data-testid="bulk-failed">
          <p className="font-medium">
            {report.failed.length} {failedWhat} (nothing was changed on {report.failed.length === 1 ? 'it' : 'them'}):
          </p>
          <ul className="max-h-40 list-disc overflow-y-auto pl-5">
            {report.failed.map(({ item, error }) => (
              <li key={`${item.region}/${idOf(item)}`} data-testid="bulk-failure">
                <BackupLink row={item} /> in {item.region}: <span className="font-mono">{failureText(error)}</span>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <SkippedList skipped={skipped} />
    </div>
  );
}

export function SkippedList({ skipped }: { skipped: { item: BackupRow; reason: string }[] }) {
  if (skipped.length === 0) return null;
  return (
    // Part of the dialog as it is (read in order), not news: no live role.
    <Alert type="warning" live={false} data-testid="bulk-skipped">
      <p>{skipped.length} skipped:</p>
      <ul className="max-h-32 list-disc overflow-y-auto pl-5">
        {skipped.map(({ item, reason }) => (
          <li key={`${item.region}/${idOf(item)}`}>
            <BackupLink row={item} /> in {item.region}: {reason}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
