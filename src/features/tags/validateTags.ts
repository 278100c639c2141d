/**
 * Validation of the editor's rows with the service's own constraints (TagKey, TagValue, TagList from the
 * constraint table the emulator enforces), worded for people. Blank rows are placeholders, not tags, and are
 * neither checked nor sent (see tagRows.ts), so nothing shouts "required" at a row nobody has typed in yet.
 */
import { TagKey, TagList, TagValue, type StringShape } from '../../aws/constraints';
import { nameCharacters } from './characterNames';
import { isBlankRow, type TagRow } from './tagRows';

export interface TagFieldProblems {
  key?: string;
  value?: string;
}

export interface TagValidation {
  valid: boolean;
  /** Problems by row id; rows without problems have no entry. */
  rows: Record<string, TagFieldProblems>;
  /** Problems of the whole list (the tag count), and every row problem as one line, for a summary. */
  list: string[];
  /** The list-level problem (too many tags), also the first line of `list`. */
  countProblem?: string;
  /** Things that are legal but probably a mistake (leading or trailing spaces), by row id; they do not block. */
  hints: Record<string, TagFieldProblems>;
}

/** At most this many tags per resource (TagList's max). */
export const MAX_TAGS = TagList.max ?? 50;
const RESERVED_PREFIX = 'aws:';

const lengthOf = (text: string): number => [...text].length; // the service counts characters (code points)

/** The distinct characters of text the shape's pattern refuses (the pattern is a full match of allowed characters). */
export function forbiddenCharacters(text: string, shape: StringShape): string[] {
  const pattern = shape.pattern;
  if (!pattern) return [];
  const bad = new Set<string>();
  for (const char of text) if (!pattern.test(char)) bad.add(char);
  return [...bad];
}

function checkText(text: string, shape: StringShape, what: 'Key' | 'Value'): string | undefined {
  const length = lengthOf(text);
  if (shape.min !== undefined && length < shape.min) return `${what} is required`;
  if (shape.max !== undefined && length > shape.max) return `${what} is ${length} characters; at most ${shape.max}`;
  const bad = forbiddenCharacters(text, shape);
  if (bad.length > 0) return `${what} contains characters tags cannot have: ${nameCharacters(bad)}`;
  return undefined;
}

const isReservedKey = (key: string): boolean => key.toLowerCase().startsWith(RESERVED_PREFIX);

/** AWS keeps leading and trailing spaces, so they are legal; but they are rarely meant. */
function spacesHint(text: string, what: 'Key' | 'Value'): string | undefined {
  if (text === '' || text.trim() === text) return undefined;
  return `${what} starts or ends with a space; AWS keeps it as typed`;
}

function rowNumbers(numbers: readonly number[]): string {
  if (numbers.length === 1) return `row ${numbers[0]}`;
  return `rows ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

export function validateTagRows(rows: readonly TagRow[], options: { maxTags?: number } = {}): TagValidation {
  const maxTags = options.maxTags ?? MAX_TAGS;
  const result: TagValidation = { valid: true, rows: {}, list: [], hints: {} };
  const rowsByKey = new Map<string, number[]>();
  rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const numbers = rowsByKey.get(row.key) ?? [];
    numbers.push(index + 1);
    rowsByKey.set(row.key, numbers);
  });

  let tagCount = 0;
  rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    tagCount += 1;
    const problems: TagFieldProblems = {};
    problems.key = checkText(row.key, TagKey, 'Key');
    if (!problems.key && isReservedKey(row.key)) problems.key = 'Keys starting with aws: are reserved for AWS';
    if (!problems.key) {
      const others = (rowsByKey.get(row.key) ?? []).filter((n) => n !== index + 1);
      if (others.length > 0) problems.key = `Duplicate key: also used in ${rowNumbers(others)}`;
    }
    problems.value = checkText(row.value, TagValue, 'Value');
    const rowNumber = index + 1;
    if (problems.key) result.list.push(`Row ${rowNumber}: ${problems.key}`);
    if (problems.value) result.list.push(`Row ${rowNumber}: ${problems.value}`);
    if (problems.key || problems.value) {
      result.rows[row.id] = dropUndefined(problems);
    }
    const hint = dropUndefined({
      key: problems.key ? undefined : spacesHint(row.key, 'Key'),
      value: problems.value ? undefined : spacesHint(row.value, 'Value'),
    });
    if (hint.key || hint.value) result.hints[row.id] = hint;
  });

  if (tagCount > maxTags) {
    result.countProblem = `At most ${maxTags} tags per resource; this has ${tagCount}`;
    result.list.unshift(result.countProblem);
  }
  result.valid = result.list.length === 0;
  return result;
}

function dropUndefined(problems: TagFieldProblems): TagFieldProblems {
  const out: TagFieldProblems = {};
  if (problems.key !== undefined) out.key = problems.key;
  if (problems.value !== undefined) out.value = problems.value;
  return out;
}
