/**
 * Starting a copy: the request goes through the data layer's mutation (it refreshes the destination's
 * lists), and a tracker follows it from the request to the copy's arrival (copyTrackerStore). The
 * destination becomes the next one-click destination once AWS has accepted the copy.
 */
import { AwsRequestError, toAwsErrorInfo, type Tag } from '../../../../aws';
import { useCopyBackupMutation } from '../../../../aws/actions';
import { copyTracker } from './copyTrackerStore';
import { setLastDestination } from './lastDestinationStore';

export interface CopyRequest {
  destination: string;
  /** Omitted: AWS gives the copy the source's tags. */
  tagList?: Tag[];
  tagsNote: string;
  /** Show a refusal in the tracker panel (one-click copies); a dialog shows it itself. */
  failuresInPanel: boolean;
}

export function useCopyBackup(
  region: string,
  backupId: string,
  account?: string,
): { copy: (request: CopyRequest) => Promise<AwsRequestError | null>; isPending: boolean } {
  const mutation = useCopyBackupMutation(region, account);
  const copy = async ({ destination, tagList, tagsNote, failuresInPanel }: CopyRequest): Promise<AwsRequestError | null> => {
    const id = copyTracker.start({
      sourceRegion: region,
      sourceBackupId: backupId,
      destinationRegion: destination,
      tagsNote,
      ...(account && { account }),
    });
    try {
      await mutation.mutateAsync({ BackupId: backupId, DestinationRegion: destination, ...(tagList ? { TagList: tagList } : {}) });
      copyTracker.accepted(id);
      setLastDestination(destination);
      return null;
    } catch (caught) {
      const error =
        caught instanceof AwsRequestError
          ? caught
          : new AwsRequestError(toAwsErrorInfo(caught, { operation: 'CopyBackupToRegion', region }), { cause: caught });
      if (failuresInPanel) copyTracker.failed(id, error);
      else copyTracker.dismiss(id);
      return error;
    }
  };
  return { copy, isPending: mutation.isPending };
}
