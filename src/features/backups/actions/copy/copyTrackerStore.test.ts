import { describe, expect, it } from 'vitest';
import { AwsRequestError } from '../../../../aws';
import { createCopyTrackerStore, MAX_TRACKS } from './copyTrackerStore';

const input = {
  sourceRegion: 'us-east-1',
  sourceBackupId: 'backup-abcdefghijk',
  destinationRegion: 'us-west-2',
  tagsNote: "with the source's tags",
};

describe('copy tracker store', () => {
  it('follows a copy from the request to AWS accepting it, newest first, and tells subscribers', () => {
    const store = createCopyTrackerStore(() => 1_000);
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    const first = store.start(input);
    const second = store.start({ ...input, destinationRegion: 'eu-west-1' });
    expect(store.getSnapshot().map((t) => [t.id, t.status, t.destinationRegion])).toEqual([
      [second, 'requesting', 'eu-west-1'],
      [first, 'requesting', 'us-west-2'],
    ]);
    expect(store.getSnapshot()[0]!.startedAt).toBe(1_000);
    store.accepted(first);
    expect(store.getSnapshot()[1]!.status).toBe('tracking');
    expect(calls).toBe(3);
    unsubscribe();
    store.dismiss(first);
    expect(calls).toBe(3);
    expect(store.getSnapshot().map((t) => t.id)).toEqual([second]);
  });

  it('keeps the AWS error of a refused copy', () => {
    const store = createCopyTrackerStore();
    const id = store.start(input);
    const error = new AwsRequestError({
      code: 'CloudHsmInvalidRequestException',
      message: 'no',
      operation: 'CopyBackupToRegion',
      region: 'us-east-1',
      title: 'Invalid request',
      retryable: false,
    });
    store.failed(id, error);
    expect(store.getSnapshot()[0]).toMatchObject({ status: 'failed', error });
  });

  it('gives a new snapshot only on change, ignores unknown ids, and keeps at most MAX_TRACKS', () => {
    const store = createCopyTrackerStore();
    const before = store.getSnapshot();
    store.accepted('copy-404');
    store.dismiss('copy-404');
    expect(store.getSnapshot()).toBe(before);
    for (let i = 0; i < MAX_TRACKS + 3; i += 1) store.start(input);
    expect(store.getSnapshot()).toHaveLength(MAX_TRACKS);
    const snapshot = store.getSnapshot();
    store.accepted('copy-404');
    expect(store.getSnapshot()).toBe(snapshot);
  });
});
