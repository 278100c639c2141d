/**
 * Which regions a backups view can speak for (pure): those that answered, those whose first page failed (not
 * read at all), those that failed further back (partly read), and those still loading. Counts and empty
 * states name only what was read: "12 of 40 loaded backups in us-west-2; could not load us-east-1", never
 * "0 backups" for a region that was not read.
 */
import type { RegionWindowProgress } from '../../../aws';

export interface RegionsRead {
  /** Answered (all or part of what the window needs). */
  answered: string[];
  /** Nothing read: the first page failed. */
  failed: string[];
  /** Some pages read, then a page failed (an older page, or a refresh of one already shown): some are missing or stale. */
  partial: string[];
  /** No answer yet. */
  loading: string[];
}

export function regionsRead(progress: readonly Pick<RegionWindowProgress, 'region' | 'account' | 'status' | 'pages'>[]): RegionsRead {
  const read: RegionsRead = { answered: [], failed: [], partial: [], loading: [] };
  for (const { region: code, account, status, pages } of progress) {
    // Another account's region is named with its account (issue 15): "us-east-1 (222233334444)".
    const region = account ? `${code} (${account})` : code;
    if (status === 'loading') read.loading.push(region);
    else if (status === 'ready') read.answered.push(region);
    else if (pages > 0) {
      read.answered.push(region);
      read.partial.push(region);
    } else read.failed.push(region);
  }
  return read;
}

const list = (regions: readonly string[]) => regions.join(', ');

/** What could not be read, as a clause: "could not load us-east-1; could not load every page of eu-west-1 (…)". */
function unread(read: RegionsRead): string[] {
  const parts: string[] = [];
  if (read.failed.length > 0) parts.push(`could not load ${list(read.failed)}`);
  // Which page failed (an older one, or a refresh of the newest) is not known here: say only what is sure.
  if (read.partial.length > 0) parts.push(`could not load every page of ${list(read.partial)} (what it answered is shown)`);
  return parts;
}

/** The heading's count: how many backups the filters show of those loaded, and from where. */
export function countText(read: RegionsRead, shown: number, loaded: number): string {
  if (read.answered.length === 0) {
    if (read.failed.length > 0 && read.loading.length === 0) return `Could not load ${list(read.failed)}`;
    return 'Loading…';
  }
  const counted = loaded === 0 ? `No backups in ${list(read.answered)}` : `${shown} of ${loaded} loaded backups in ${list(read.answered)}`;
  const parts = [counted, ...unread(read)];
  if (read.loading.length > 0) parts.push(`still loading ${list(read.loading)}`);
  return parts.join('; ');
}

/**
 * The empty state when nothing was loaded: "There are no backups in us-west-2." for the regions that
 * answered, with what could not be read; or, when no region answered, that nothing could be read (error).
 */
export function emptyText(read: RegionsRead): { variant: 'empty' | 'error'; title: string; description: string } {
  if (read.answered.length === 0) {
    return {
      variant: 'error',
      title: `Could not load the backups of ${list(read.failed)}.`,
      description: 'Nothing could be read: the error above says why and what to do.',
    };
  }
  const missing = unread(read);
  const daily = 'AWS takes a backup of each active cluster at least once a day.';
  return {
    variant: 'empty',
    title: `There are no backups in ${list(read.answered)}.`,
    description: missing.length > 0 ? `${capitalize(missing.join('; '))}: the error above says why. ${daily}` : daily,
  };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
