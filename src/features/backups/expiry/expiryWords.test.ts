import { describe, expect, it } from 'vitest';
import { expiryCellWords, expirySentence, expiryView, plainText, retentionSourceOf, type RetentionSource } from './expiryWords';

const created = new Date('2026-12-02T10:00:00Z');
const before = new Date('2027-01-15T00:00:00Z');
const after = new Date('2027-04-01T00:00:00Z');
const payments: RetentionSource = {
  kind: 'known',
  clusterId: 'cluster-aaaaaaaaaaa',
  name: 'payments-prod',
  policy: { Type: 'DAYS', Value: '90' },
};
const ready = { BackupState: 'READY', CreateTimestamp: created, ClusterId: 'cluster-aaaaaaaaaaa' };
const sentence = (backup: Parameters<typeof expiryView>[0], source: RetentionSource, now = before) =>
  expirySentence(expiryView(backup, source), backup, now);

describe('retentionSourceOf', () => {
  const clusters = {
    byId: new Map([['cluster-aaaaaaaaaaa', { name: 'payments-prod', policy: { Type: 'DAYS', Value: '90' } }]]),
    failed: new Map([['eu-west-1', 'CloudHsmAccessDeniedException']]),
    loading: false,
  };

  it('finds the cluster by id; else says whether its region failed, is loading, or answered without it', () => {
    expect(retentionSourceOf(ready, 'us-east-1', clusters)).toEqual(payments);
    const other = { ...ready, ClusterId: 'cluster-bbbbbbbbbbb' };
    expect(retentionSourceOf(other, 'eu-west-1', clusters)).toEqual({
      kind: 'failed',
      region: 'eu-west-1',
      code: 'CloudHsmAccessDeniedException',
    });
    expect(retentionSourceOf(other, 'us-east-1', { ...clusters, loading: true })).toEqual({ kind: 'loading' });
    expect(retentionSourceOf(other, 'us-east-1', clusters)).toEqual({
      kind: 'missing',
      clusterId: 'cluster-bbbbbbbbbbb',
      region: 'us-east-1',
    });
    expect(retentionSourceOf({ BackupState: 'READY' }, 'us-east-1', clusters)).toEqual({ kind: 'no-cluster' });
  });
});

describe('expiryCellWords (the list)', () => {
  it('a backup under retention shows its date and the retention; once the date passed, says so and why it may stay', () => {
    expect(expiryCellWords(expiryView(ready, payments), before)).toEqual({
      kind: 'date',
      at: new Date('2027-03-02T10:00:00Z'),
      detail: '90-day retention',
    });
    expect(expiryCellWords(expiryView(ready, payments), after)).toMatchObject({
      kind: 'date',
      detail: 'date passed',
      hint: expect.stringMatching(/last backup/),
    });
  });

  it('never, copy, purge and deleted', () => {
    expect(expiryCellWords(expiryView({ ...ready, NeverExpires: true }, payments), before)).toMatchObject({ kind: 'words', text: 'never' });
    expect(expiryCellWords(expiryView({ ...ready, SourceRegion: 'us-east-1' }, { kind: 'loading' }), before)).toMatchObject({
      kind: 'words',
      text: 'no retention (copy)',
    });
    const pending = { ...ready, BackupState: 'PENDING_DELETION', DeleteTimestamp: before };
    expect(expiryCellWords(expiryView(pending, payments), before)).toEqual({ kind: 'purge' });
    expect(expiryCellWords(expiryView({ ...ready, BackupState: 'DELETED' }, payments), before)).toEqual({ kind: 'deleted' });
  });

  it('"unknown", with the reason on hover', () => {
    const cell = (source: RetentionSource) => expiryCellWords(expiryView(ready, source), before);
    expect(cell({ kind: 'failed', region: 'us-east-1', code: 'CloudHsmAccessDeniedException' })).toEqual({
      kind: 'words',
      text: 'unknown',
      hint: "The clusters of us-east-1 could not be loaded (CloudHsmAccessDeniedException), so its cluster's retention is not known.",
    });
    expect(cell({ kind: 'loading' })).toMatchObject({ text: 'unknown', hint: "The clusters' retention policies are still loading." });
    expect(cell({ kind: 'missing', clusterId: 'cluster-aaaaaaaaaaa', region: 'us-east-1' })).toMatchObject({
      hint: 'Its cluster cluster-aaaaaaaaaaa is not listed in us-east-1 (deleted?), so its retention is not known.',
    });
    expect(cell({ kind: 'known', clusterId: 'cluster-aaaaaaaaaaa', policy: undefined })).toMatchObject({
      hint: 'Its cluster cluster-aaaaaaaaaaa has no retention policy in days that the dashboard can read.',
    });
    expect(expiryCellWords(expiryView({ ClusterId: 'cluster-aaaaaaaaaaa', BackupState: 'READY' }, payments), before)).toMatchObject({
      hint: 'AWS did not say when it was created.',
    });
  });
});

describe('expirySentence (the backup page)', () => {
  it("under retention: the date, the cluster's name and days, and the last-backup rule as a note", () => {
    const s = sentence(ready, payments);
    expect(plainText(s.parts)).toBe("Expires on 2027-03-02 under payments-prod's 90-day retention.");
    expect(s.note).toBe("AWS never purges a cluster's last backup: if this is still payments-prod's last backup then, it stays.");
    expect(s.tone).toBe('info');
    // Without a Name tag, the cluster's id.
    expect(plainText(sentence(ready, { ...payments, name: undefined }).parts)).toBe(
      "Expires on 2027-03-02 under cluster-aaaaaaaaaaa's 90-day retention.",
    );
  });

  it('past the date and still READY: the last-backup rule is the news', () => {
    const s = sentence(ready, payments, after);
    expect(plainText(s.parts)).toBe("Past its expiry date (2027-03-02, under payments-prod's 90-day retention) and still READY.");
    expect(s.note).toMatch(/^AWS never purges a cluster's last backup, which this may be/);
    expect(s.tone).toBe('warning');
  });

  it('never, copy, pending deletion, deleted', () => {
    expect(plainText(sentence({ ...ready, NeverExpires: true }, payments).parts)).toBe('Never expires (NeverExpires is set).');
    expect(plainText(sentence({ ...ready, SourceRegion: 'us-east-1' }, { kind: 'loading' }).parts)).toBe(
      'A copy: it never expires; delete it when it is no longer needed.',
    );
    const purgeAt = new Date('2027-01-20T08:30:00Z');
    expect(plainText(sentence({ ...ready, BackupState: 'PENDING_DELETION', DeleteTimestamp: purgeAt }, payments).parts)).toBe(
      'Deleted: purged on 2027-01-20 08:30:00 UTC unless restored.',
    );
    expect(plainText(sentence({ ...ready, BackupState: 'DELETED', DeleteTimestamp: purgeAt }, payments).parts)).toBe(
      'Purged on 2027-01-20 08:30:00 UTC: it is gone.',
    );
    expect(plainText(sentence({ ...ready, BackupState: 'DELETED' }, payments).parts)).toBe('Purged: it is gone.');
  });

  it('unknown: says why', () => {
    expect(plainText(sentence(ready, { kind: 'missing', clusterId: 'cluster-aaaaaaaaaaa', region: 'us-east-1' }).parts)).toBe(
      'When it expires is not known: Its cluster cluster-aaaaaaaaaaa is not listed in us-east-1 (deleted?), so its retention is not known.',
    );
  });
});
