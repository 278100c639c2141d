/**
 * "Tag selected": tags to add (or overwrite) and keys to remove, checked with the API's constraints, then
 * TagResource and UntagResource on each selected backup in its own region, at most four at once, with
 * progress and a report of what AWS refused. Backups the new tags would take over the per-resource limit
 * (their TagList from DescribeBackups) are skipped, each with why. The editor starts with no row and focus on
 * "Add tag", so the first row added is row 1 and problems name the rows the person sees.
 */
import { useId, useMemo, useState } from 'react';
import { Dialog } from '../../../../ui/actions';
import { inputClass } from '../../../../ui/buttons';
import { TagEditor } from '../../../tags/TagEditor';
import { tagsFromRows, type TagRow } from '../../../tags/tagRows';
import { validateTagRows } from '../../../tags/validateTags';
import type { BackupRow } from '../../filterBackups';
import { planBulk, type BulkReport } from './bulkRunner';
import { BulkDialogFooter, pluralBackups as plural } from './BulkDialogFooter';
import { SkippedList } from './BulkResults';
import { planBulkTagChange, tagLimitReason, untagFirst } from './bulkTags';
import { useRegionCalls } from './regionCalls';
import { useBulkRun } from './useBulkRun';

export interface BulkTagDialogProps {
  rows: BackupRow[];
  onClose: (report: BulkReport<BackupRow> | null) => void;
}

export default function BulkTagDialog({ rows, onClose }: BulkTagDialogProps) {
  const { phase, progress, report, run } = useBulkRun<BackupRow>();
  const [tagRows, setTagRows] = useState<TagRow[]>([]);
  const [removeText, setRemoveText] = useState('');
  const removeId = useId();
  const removeHelpId = useId();
  const problemsId = useId();

  const validation = useMemo(() => validateTagRows(tagRows), [tagRows]);
  const change = useMemo(() => planBulkTagChange(tagsFromRows(tagRows), removeText), [tagRows, removeText]);
  const plan = useMemo(
    () => planBulk(rows, (row) => (row.backup.BackupState === 'DELETED' ? 'it is DELETED and can no longer be tagged' : tagLimitReason(row.backup.TagList, change))),
    [rows, change],
  );
  const { workers, callsFor } = useRegionCalls(plan.runnable.map((row) => row.region));
  const problems = [...validation.list, ...change.problems];
  const removeProblems = change.keyProblems;

  const start = () => {
    if (problems.length > 0 || plan.runnable.length === 0) return;
    const { tagList, removeKeys } = change;
    void run(plan.runnable, async (row) => {
      const calls = callsFor(row.region);
      const id = row.backup.BackupId ?? '';
      const untag = async () => {
        if (removeKeys.length > 0) await calls.untagResource(id, removeKeys);
      };
      const removeFirst = untagFirst(row.backup.TagList, change);
      if (removeFirst) await untag();
      if (tagList.length > 0) await calls.tagResource(id, tagList);
      if (!removeFirst) await untag();
    });
  };

  const describeChange = [
    change.tagList.length > 0 ? `add or overwrite ${change.tagList.length} tag${change.tagList.length === 1 ? '' : 's'}` : null,
    change.removeKeys.length > 0 ? `remove ${change.removeKeys.length} key${change.removeKeys.length === 1 ? '' : 's'}` : null,
  ]
    .filter(Boolean)
    .join(' and ');

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose(report)}
      busy={phase === 'running'}
      wide
      testId="bulk-tag-dialog"
      title={`Tag ${plural(rows.length)}`}
      description="Tags you add overwrite the value of a key the backup already has; other tags stay. Keys you name for removal are removed where present."
    >
      {workers}
      <div className="flex flex-col gap-3 text-sm">
        {phase === 'ready' && (
          <>
            <TagEditor rows={tagRows} onChange={setTagRows} label="Tags to add or overwrite" />
            <div className="flex flex-col gap-1">
              <label htmlFor={removeId} className="font-medium">
                Keys to remove
              </label>
              <input
                id={removeId}
                className={`${inputClass} font-mono`}
                value={removeText}
                onChange={(e) => setRemoveText(e.target.value)}
                placeholder="e.g. Ticket, Temporary"
                aria-describedby={`${removeHelpId}${removeProblems.length > 0 ? ` ${problemsId}` : ''}`}
                aria-invalid={removeProblems.length > 0 || undefined}
                autoComplete="off"
                spellCheck={false}
              />
              <p id={removeHelpId} className="text-xs text-slate-600 dark:text-slate-400">
                Separate keys with commas or new lines; spaces around each are ignored.
              </p>
              {removeProblems.length > 0 && (
                <ul id={problemsId} className="list-disc pl-5 text-xs text-red-700 dark:text-red-400" data-testid="bulk-tag-problems">
                  {removeProblems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )}
            </div>
            <SkippedList skipped={plan.skipped} />
            {problems.length === 0 && plan.runnable.length > 0 && (
              <p aria-live="polite">
                Will {describeChange} on {plural(plan.runnable.length)}.
              </p>
            )}
          </>
        )}
        <BulkDialogFooter
          phase={phase}
          progress={progress}
          report={report}
          skipped={plan.skipped}
          verb="Tagging"
          done="tagged"
          failedWhat="could not be tagged"
          start={start}
          startLabel={`Tag ${plural(plan.runnable.length)}`}
          startReason={plan.runnable.length === 0 ? 'None of the selected backups can be tagged' : (problems[0] ?? null)}
          variant="primary"
          testId="bulk-tag-confirm"
        />
      </div>
    </Dialog>
  );
}
