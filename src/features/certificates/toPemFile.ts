/** A download for a PEM: `${name}.pem` and the text with LF line ends and a final newline. */
export function toPemFile(name: string, pem: string): { filename: string; text: string } {
  // Path separators and control characters have no place in a download name.
  const safe = name.replace(/[/\\\0-\x1f]/g, '_');
  const text = pem.replace(/\r\n?/g, '\n').trim() + '\n';
  return { filename: `${safe}.pem`, text };
}
