/**
 * "Tag selected": tags to add (or overwrite) and keys to remove, checked with the API's constraints, then
 * TagResource and UntagResource on each selected backup in its own region, at most four at once, with
 * progress and a report of what AWS refused. Backups the new tags would take over the per-resource limit
 * (their TagList from DescribeBackups) are skipped, each with why. The editor starts with no row and focus on
 * "Add tag", so the first row added is row 1 and problems name the rows the person sees.
 */
import { useMemo, useState } from 'react';
import { FormField, Input } from '../../../../ui';
import { TagEditor } from '../../../tags/TagEditor';
import { tagsFromRows, type TagRow } from '../../../tags/tagRows';
import { validateTagRows } from '../../../tags/validateTags';
import type { BackupRow } from '../../filterBackups';
import { planBulk, type BulkReport } from './bulkRunner';
import { BulkDialog, pluralBackups as plural, useBulkDialog, type BulkWords } from './BulkDialog';
import { SkippedList } from './BulkResults';
import { planBulkTagChange, tagLimitReason, untagFirst, type BulkTagPlan } from './bulkTags';
import type { RegionCalls } from './regionCalls';

export interface BulkTagDialogProps {
  rows: BackupRow[];
  onClose: (report: BulkReport<BackupRow> | null) => void;
}

type TagChange = BulkTagPlan;

/** One backup, in its own region: the tags added and the keys removed, in the order that keeps it under the limit. */
async function tagOne(calls: RegionCalls, row: BackupRow, change: TagChange): Promise<void> {
  const { tagList, removeKeys } = change;
  const id = row.backup.BackupId ?? '';
  const untag = async () => {
    if (removeKeys.length > 0) await calls.untagResource(id, removeKeys);
  };
  const removeFirst = untagFirst(row.backup.TagList, change);
  if (removeFirst) await untag();
  if (tagList.length > 0) await calls.tagResource(id, tagList);
  if (!removeFirst) await untag();
}

/** "add or overwrite 2 tags and remove 1 key". */
function describeChange(change: TagChange): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return [
    change.tagList.length > 0 ? `add or overwrite ${count(change.tagList.length, 'tag')}` : null,
    change.removeKeys.length > 0 ? `remove ${count(change.removeKeys.length, 'key')}` : null,
  ]
    .filter(Boolean)
    .join(' and ');
}

const TAG: BulkWords = { name: 'Tag', verb: 'Tagging', done: 'tagged', failedWhat: 'could not be tagged', variant: 'primary' };

export default function BulkTagDialog({ rows, onClose }: BulkTagDialogProps) {
  const [tagRows, setTagRows] = useState<TagRow[]>([]);
  const [removeText, setRemoveText] = useState('');

  const validation = useMemo(() => validateTagRows(tagRows), [tagRows]);
  const change = useMemo(() => planBulkTagChange(tagsFromRows(tagRows), removeText), [tagRows, removeText]);
  const plan = useMemo(
    () =>
      planBulk(rows, (row) =>
        row.backup.BackupState === 'DELETED' ? 'it is DELETED and can no longer be tagged' : tagLimitReason(row.backup.TagList, change),
      ),
    [rows, change],
  );
  const problems = [...validation.list, ...change.problems];
  const removeProblems = change.keyProblems;
  const bulk = useBulkDialog({
    plan,
    work: (calls, row) => tagOne(calls, row, change),
    startReason: plan.runnable.length === 0 ? 'None of the selected backups can be tagged' : (problems[0] ?? null),
    onClose,
  });

  return (
    <BulkDialog
      bulk={bulk}
      words={TAG}
      title={`Tag ${plural(rows.length)}`}
      description="Tags you add overwrite the value of a key the backup already has; other tags stay. Keys you name for removal are removed where present."
    >
      <TagEditor rows={tagRows} onChange={setTagRows} label="Tags to add or overwrite" />
      <FormField
        label="Keys to remove"
        constraintText="Separate keys with commas or new lines; spaces around each are ignored."
        errorText={removeProblems.length > 0 && <KeyProblems problems={removeProblems} />}
      >
        <Input
          className="w-full font-mono"
          value={removeText}
          onChange={(e) => setRemoveText(e.target.value)}
          placeholder="e.g. Ticket, Temporary"
          autoComplete="off"
          spellCheck={false}
        />
      </FormField>
      <SkippedList skipped={plan.skipped} />
      {problems.length === 0 && plan.runnable.length > 0 && (
        <p aria-live="polite">
          Will {describeChange(change)} on {plural(plan.runnable.length)}.
        </p>
      )}
    </BulkDialog>
  );
}

/** What is wrong with the keys to remove, one line each (the field's error). */
function KeyProblems({ problems }: { problems: string[] }) {
  return (
    <span className="flex flex-col" data-testid="bulk-tag-problems">
      {problems.map((p) => (
        <span key={p}>{p}</span>
      ))}
    </span>
  );
}
