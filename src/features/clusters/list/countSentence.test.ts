import { describe, expect, it } from 'vitest';
import { answeredRegions, attentionWords, countSentence, type CountInput } from './countSentence';

const base: CountInput = { total: 12, shown: 12, filtered: false, regions: ['us-east-1', 'eu-west-1'], failed: [], loading: [] };

describe('countSentence', () => {
  it('counts the clusters of every region when all answered', () => {
    expect(countSentence(base)).toBe('12 clusters in us-east-1, eu-west-1');
    expect(countSentence({ ...base, total: 1, shown: 1 })).toBe('1 cluster in us-east-1, eu-west-1');
    expect(countSentence({ ...base, shown: 4, filtered: true })).toBe('Showing 4 of 12 clusters in us-east-1, eu-west-1');
  });

  it('with several accounts, says "N regions of M accounts" once all answered, and names the places otherwise', () => {
    const places = { ...base, regions: ['us-east-1 (base)', 'us-east-1 (workload)'], allAnswered: '1 region of 2 accounts' };
    expect(countSentence(places)).toBe('12 clusters in 1 region of 2 accounts');
    expect(countSentence({ ...places, failed: ['us-east-1 (workload)'] })).toBe(
      '12 clusters in us-east-1 (base); could not load us-east-1 (workload)',
    );
  });

  it('speaks only for the regions that answered, and names those that failed', () => {
    expect(countSentence({ ...base, total: 3, shown: 3, failed: ['eu-west-1'] })).toBe('3 clusters in us-east-1; could not load eu-west-1');
    expect(countSentence({ ...base, total: 0, shown: 0, failed: ['eu-west-1'] })).toBe('0 clusters in us-east-1; could not load eu-west-1');
  });

  it('a region whose refresh failed is counted with its last answer, and said to be stale', () => {
    expect(countSentence({ ...base, total: 5, shown: 5, stale: ['eu-west-1'] })).toBe(
      '5 clusters in us-east-1, eu-west-1; could not refresh eu-west-1 (its last answer is shown)',
    );
  });

  it('never says "0 clusters" when no region answered', () => {
    const sentence = countSentence({ ...base, total: 0, shown: 0, failed: ['us-east-1', 'eu-west-1'] });
    expect(sentence).toBe('Could not load us-east-1, eu-west-1');
    expect(sentence).not.toMatch(/\b0 clusters\b/);
  });

  it('says which regions are still loading, and "Loading clusters…" before any answer', () => {
    expect(countSentence({ ...base, total: 3, shown: 3, loading: ['eu-west-1'] })).toBe(
      '3 clusters in us-east-1; still loading eu-west-1…',
    );
    expect(countSentence({ ...base, total: 0, shown: 0, loading: ['us-east-1', 'eu-west-1'] })).toBe('Loading clusters…');
    expect(countSentence({ ...base, total: 0, shown: 0, failed: ['us-east-1'], loading: ['eu-west-1'] })).toBe(
      'Could not load us-east-1; still loading eu-west-1…',
    );
  });

  it('answeredRegions keeps the shell’s order', () => {
    expect(answeredRegions({ regions: ['a', 'b', 'c'], failed: ['b'], loading: [] })).toEqual(['a', 'c']);
  });

  it('attentionWords agrees in number', () => {
    expect(attentionWords(1)).toBe('1 needs attention');
    expect(attentionWords(2)).toBe('2 need attention');
  });
});
