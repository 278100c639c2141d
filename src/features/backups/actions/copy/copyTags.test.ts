import { describe, expect, it } from 'vitest';
import { copyTagsInput, NO_TAGS_REASON } from './copyTags';

const source = [
  { Key: 'Purpose', Value: 'annual-key-ceremony' },
  { Key: 'Ticket', Value: 'SEC-1187' },
];

describe('copyTagsInput', () => {
  it('leaves TagList out when the tags were not edited, so AWS copies the source tags', () => {
    expect(copyTagsInput(source, source)).toEqual({ ok: true });
    // Order does not make an edit.
    expect(copyTagsInput(source, [...source].reverse())).toEqual({ ok: true });
    expect(copyTagsInput([], [])).toEqual({ ok: true });
  });

  it('sends exactly the edited list: added, changed and removed tags', () => {
    expect(copyTagsInput(source, [{ Key: 'Purpose', Value: 'dr-drill' }])).toEqual({
      ok: true,
      TagList: [{ Key: 'Purpose', Value: 'dr-drill' }],
    });
    expect(copyTagsInput([], [{ Key: 'Env', Value: '' }])).toEqual({ ok: true, TagList: [{ Key: 'Env', Value: '' }] });
  });

  it('refuses an edit that removes every tag, saying why and what to do', () => {
    expect(copyTagsInput(source, [])).toEqual({ ok: false, reason: NO_TAGS_REASON });
    expect(NO_TAGS_REASON).toMatch(/at least 1 tag/);
    expect(NO_TAGS_REASON).toMatch(/copies the source's tags/);
  });
});
