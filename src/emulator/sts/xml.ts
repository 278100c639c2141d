/** STS's Query-protocol pieces shared by its actions (sts/query.ts, sts/assumeRole.ts): the error, XML escaping. */

export const STS_VERSION = '2011-06-15';
export const STS_XMLNS = `https://sts.amazonaws.com/doc/${STS_VERSION}/`;

/** An STS error answer: the Query protocol's code, HTTP status and message. */
export class StsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Text content only (no attributes take client input), so quotes stay as they are. */
export const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
