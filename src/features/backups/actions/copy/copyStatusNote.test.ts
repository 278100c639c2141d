import { describe, expect, it } from 'vitest';
import { AwsRequestError } from '../../../../aws';
import { copyStatusNote } from './copyStatusNote';
import type { CopyTrack } from './copyTrackerStore';

const track = (change: Partial<CopyTrack>): CopyTrack => ({
  id: 'copy-1',
  sourceRegion: 'us-east-1',
  sourceBackupId: 'backup-aaaaaaaaaaa',
  destinationRegion: 'us-west-2',
  startedAt: 0,
  status: 'requesting',
  tagsNote: "with the source's tags",
  ...change,
});

describe('copyStatusNote', () => {
  it('follows the request: asking, accepted, refused', () => {
    expect(copyStatusNote([track({})], 'us-east-1', 'backup-aaaaaaaaaaa')).toMatchObject({ text: 'Copying to us-west-2…', failed: false });
    expect(copyStatusNote([track({ status: 'tracking' })], 'us-east-1', 'backup-aaaaaaaaaaa')).toMatchObject({
      text: 'Copy to us-west-2 started ↑',
      failed: false,
    });
    const error = new AwsRequestError({
      code: 'X',
      message: 'no',
      operation: 'CopyBackupToRegion',
      region: 'us-east-1',
      title: 'X',
      retryable: false,
    });
    const failed = copyStatusNote([track({ status: 'failed', error })], 'us-east-1', 'backup-aaaaaaaaaaa');
    expect(failed).toMatchObject({ text: 'Copy to us-west-2 failed ↑', failed: true });
    expect(failed?.title).toMatch(/reason is shown at the top/);
  });

  it('speaks of the newest copy of that backup only, in that region', () => {
    const tracks = [
      track({ id: 'copy-3', destinationRegion: 'eu-west-1' }),
      track({ id: 'copy-2', status: 'tracking' }),
      track({ id: 'copy-1', sourceBackupId: 'backup-bbbbbbbbbbb' }),
    ];
    expect(copyStatusNote(tracks, 'us-east-1', 'backup-aaaaaaaaaaa')?.text).toBe('Copying to eu-west-1…');
    expect(copyStatusNote(tracks, 'us-east-1', 'backup-bbbbbbbbbbb')?.text).toBe('Copying to us-west-2…');
    expect(copyStatusNote(tracks, 'us-west-2', 'backup-aaaaaaaaaaa')).toBeNull();
    expect(copyStatusNote([], 'us-east-1', 'backup-aaaaaaaaaaa')).toBeNull();
  });

  it('is for the backup of its own account: another account’s backup with the same id gets no note', () => {
    const other = [track({ account: '444455556666', status: 'tracking' })];
    expect(copyStatusNote(other, 'us-east-1', 'backup-aaaaaaaaaaa')).toBeNull();
    expect(copyStatusNote(other, 'us-east-1', 'backup-aaaaaaaaaaa', '444455556666')).toMatchObject({ text: 'Copy to us-west-2 started ↑' });
    expect(copyStatusNote([track({})], 'us-east-1', 'backup-aaaaaaaaaaa', '444455556666')).toBeNull();
  });
});
