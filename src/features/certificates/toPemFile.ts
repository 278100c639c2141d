/** A download for a PEM: `${name}.pem` and the text with LF line ends and a final newline. */
export function toPemFile(name: string, pem: string): { filename: string; text: string } {
  // Path separators and control characters (below U+0020) have no place in a download name.
  const safe = Array.from(name, (ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  const text = pem.replace(/\r\n?/g, '\n').trim() + '\n';
  return { filename: `${safe}.pem`, text };
}
