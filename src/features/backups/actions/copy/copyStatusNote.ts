/**
 * A short note beside a list row's copy control about the latest copy of that backup started in this tab, so
 * the click has an answer where it was made; the details (and the copy's arrival) are in the tracker panel
 * at the top of the page. Pure.
 */
import type { CopyTrack } from './copyTrackerStore';

export interface CopyStatusNote {
  text: string;
  /** The longer form (tooltip, and what a screen reader reads). */
  title: string;
  failed: boolean;
}

/**
 * The note for the newest tracked copy of `backupId` in `region` of `account` (undefined: the base account),
 * or null (tracks are newest first).
 */
export function copyStatusNote(tracks: readonly CopyTrack[], region: string, backupId: string, account?: string): CopyStatusNote | null {
  const track = tracks.find((t) => t.sourceRegion === region && t.sourceBackupId === backupId && t.account === account);
  if (!track) return null;
  const dest = track.destinationRegion;
  switch (track.status) {
    case 'requesting':
      return {
        text: `Copying to ${dest}…`,
        title: `Asking AWS to copy ${backupId} to ${dest}; progress at the top of the page`,
        failed: false,
      };
    case 'tracking':
      return {
        text: `Copy to ${dest} started ↑`,
        title: `AWS is copying ${backupId} to ${dest}; its progress is shown at the top of the page`,
        failed: false,
      };
    case 'failed':
      return {
        text: `Copy to ${dest} failed ↑`,
        title: `AWS refused to copy ${backupId} to ${dest}; the reason is shown at the top of the page`,
        failed: true,
      };
  }
}
