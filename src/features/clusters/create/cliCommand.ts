/**
 * The AWS CLI command equivalent to a CreateCluster request, for a POSIX shell (bash, zsh). Two layers of
 * quoting: the CLI's shorthand syntax for structures (`Key=…,Value=…`), then the shell.
 */
import type { CreateClusterInput, Tag } from '../../../aws';

/** Words the shell passes through unchanged. */
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One shell word that the shell turns back into exactly `text` (single quotes; a ' is written '\''). */
export function shellQuote(text: string): string {
  if (SHELL_SAFE.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A value in the CLI's shorthand syntax. Plain values are read up to a comma and trimmed, and may not start
 * with `=`, a quote or a bracket; anything else is written in double quotes, where only `"` and `\` need a
 * backslash (awscli/shorthand.py).
 */
export function shorthandValue(text: string): string {
  if (/^[A-Za-z0-9_.:/+@-][A-Za-z0-9_.:/=+@-]*$/.test(text)) return text;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const shorthandTag = (tag: Tag): string => `Key=${shorthandValue(tag.Key ?? '')},Value=${shorthandValue(tag.Value ?? '')}`;

/**
 * The --tag-list values: shorthand (`Key=…,Value=…` per tag), or one JSON document when a tag holds a
 * backslash, which shorthand's quoted values cannot always carry (tags cannot contain one, but the preview
 * shows whatever is typed).
 */
function tagListValues(tags: readonly Tag[]): string[] {
  if (tags.some((t) => `${t.Key ?? ''}${t.Value ?? ''}`.includes('\\')))
    return [JSON.stringify(tags.map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' })))];
  return tags.map(shorthandTag);
}

/** The command as lines (the first is `aws cloudhsmv2 create-cluster`), each option with its values. */
export function createClusterCliArgs(region: string, input: CreateClusterInput): string[][] {
  const lines: string[][] = [
    ['aws', 'cloudhsmv2', 'create-cluster'],
    ['--region', region],
    ['--hsm-type', input.HsmType],
    ['--subnet-ids', ...input.SubnetIds],
  ];
  if (input.Mode) lines.push(['--mode', input.Mode]);
  if (input.NetworkType) lines.push(['--network-type', input.NetworkType]);
  const retention = input.BackupRetentionPolicy;
  if (retention)
    lines.push([
      '--backup-retention-policy',
      `Type=${shorthandValue(retention.Type ?? 'DAYS')},Value=${shorthandValue(retention.Value ?? '')}`,
    ]);
  if (input.SourceBackupId) lines.push(['--source-backup-id', input.SourceBackupId]);
  if (input.TagList && input.TagList.length > 0) lines.push(['--tag-list', ...tagListValues(input.TagList)]);
  return lines;
}

/** The command for a POSIX shell, one option per line (joined with a backslash-newline). */
export function createClusterCliCommand(region: string, input: CreateClusterInput): string {
  return createClusterCliArgs(region, input)
    .map((words) => words.map(shellQuote).join(' '))
    .join(' \\\n  ');
}
