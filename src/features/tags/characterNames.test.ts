import { describe, expect, it } from 'vitest';
import { nameCharacter, nameCharacters } from './characterNames';

describe('nameCharacter', () => {
  it('shows a visible character with its name', () => {
    expect(["'", '"', '$', '#', '(', '`'].map(nameCharacter)).toEqual([
      "' (apostrophe)",
      '" (double quote)',
      '$ (dollar sign)',
      '# (hash)',
      '( (opening parenthesis)',
      '` (backtick)',
    ]);
  });

  it('shows an invisible character by its code point, named when it has a name', () => {
    expect(['\t', '\n', '\u200B', '\uFEFF'].map(nameCharacter)).toEqual([
      'U+0009 (tab)',
      'U+000A (line break)',
      'U+200B (zero-width space)',
      'U+FEFF (zero-width no-break space)',
    ]);
    expect(nameCharacter('\u0001')).toBe('U+0001');
  });

  it('adds the code point to a visible character it has no name for', () => {
    expect(nameCharacter('ǂ')).toBe('ǂ (U+01C2)');
    expect(nameCharacter('😀')).toBe('😀 (U+1F600)');
  });
});

describe('nameCharacters', () => {
  it('keeps the order given and names a bracket pair once, where its first half is', () => {
    expect(nameCharacters(["'", '$', '(', ')', '"'])).toBe(`' (apostrophe), $ (dollar sign), ( ) (parentheses), " (double quote)`);
    expect(nameCharacters([')', '#', '('])).toBe('( ) (parentheses), # (hash)');
    expect(nameCharacters(['{', '}', '<'])).toBe('{ } (braces), < (less-than sign)');
  });

  it('names a lone half of a pair by itself, and repeats nothing', () => {
    expect(nameCharacters([')'])).toBe(') (closing parenthesis)');
    expect(nameCharacters(['#', '#'])).toBe('# (hash)');
    expect(nameCharacters([])).toBe('');
  });
});
