/**
 * Characters named for people: "“'”, “$”" is hard to read, "' (apostrophe), $ (dollar sign)" is not. Characters
 * nobody can see (tabs, line breaks, zero-width spaces) are shown by their code point, with a name.
 */

const NAMES: Record<string, string> = {
  "'": 'apostrophe',
  '"': 'double quote',
  '`': 'backtick',
  '‘': 'left single quote',
  '’': 'right single quote',
  '“': 'left double quote',
  '”': 'right double quote',
  '«': 'left guillemet',
  '»': 'right guillemet',
  $: 'dollar sign',
  '#': 'hash',
  '!': 'exclamation mark',
  '?': 'question mark',
  ',': 'comma',
  ';': 'semicolon',
  '*': 'asterisk',
  '&': 'ampersand',
  '%': 'percent sign',
  '^': 'caret',
  '~': 'tilde',
  '|': 'vertical bar',
  '\\': 'backslash',
  '(': 'opening parenthesis',
  ')': 'closing parenthesis',
  '[': 'opening bracket',
  ']': 'closing bracket',
  '{': 'opening brace',
  '}': 'closing brace',
  '<': 'less-than sign',
  '>': 'greater-than sign',
  '–': 'en dash',
  '—': 'em dash',
  '…': 'ellipsis',
  '€': 'euro sign',
  '£': 'pound sign',
  '§': 'section sign',
  '°': 'degree sign',
  '·': 'middle dot',
  '\t': 'tab',
  '\n': 'line break',
  '\r': 'carriage return',
  '\u000B': 'vertical tab',
  '\u000C': 'form feed',
  '\u0085': 'next line',
  '\u00AD': 'soft hyphen',
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\uFEFF': 'zero-width no-break space',
};

/** Pairs named together when both halves are there: "( ) (parentheses)". */
const PAIRS: [string, string, string][] = [
  ['(', ')', 'parentheses'],
  ['[', ']', 'brackets'],
  ['{', '}', 'braces'],
  ['<', '>', 'angle brackets'],
];

const codePoint = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Letters, digits, punctuation and symbols can be shown as they are; anything else (spaces, controls, format characters) cannot. */
const isVisible = (char: string): boolean => /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char);

/** One character for a message: `' (apostrophe)`, `U+0009 (tab)`, `€ (euro sign)`, or `ǂ (U+01C2)` when it has no name here. */
export function nameCharacter(char: string): string {
  const shown = isVisible(char) ? char : codePoint(char);
  const name = NAMES[char] ?? (isVisible(char) ? codePoint(char) : undefined);
  return name ? `${shown} (${name})` : shown;
}

/** Several characters for a message, in the order given, bracket pairs named once: `' (apostrophe), ( ) (parentheses)`. */
export function nameCharacters(chars: readonly string[]): string {
  const present = new Set(chars);
  const parts: string[] = [];
  const done = new Set<string>();
  for (const char of chars) {
    if (done.has(char)) continue;
    const pair = PAIRS.find(([open, close]) => (char === open || char === close) && present.has(open) && present.has(close));
    if (pair) {
      parts.push(`${pair[0]} ${pair[1]} (${pair[2]})`);
      done.add(pair[0]).add(pair[1]);
    } else {
      parts.push(nameCharacter(char));
      done.add(char);
    }
  }
  return parts.join(', ');
}
