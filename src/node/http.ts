/**
 * HTTP plumbing both local servers need (the dashboard server and the standalone emulator), with no
 * knowledge of CloudHSM: reading a body with a bound, answering before a refused body is read, header values.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

export class BodyTooLargeError extends Error {}

/** The first value of a header that may be repeated. */
export const firstHeader = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The declared Content-Length of a request (0 when there is none or it is not a number). */
export function declaredLength(req: IncomingMessage): number {
  const value = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(value) ? value : 0;
}

/**
 * Reads the whole body, at most `limit` bytes. Over the limit it rejects with BodyTooLargeError and stops
 * listening, leaving the rest of the body unread for `answerThenDrain`.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', reject);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        stop();
        req.pause();
        reject(new BodyTooLargeError(`Request body is larger than ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/**
 * A stream read whole, at most `limit` bytes: past it the stream is destroyed and `tooLarge()` is thrown
 * (an upstream answer, where the caller words the error).
 */
export async function readStream(stream: Readable, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > limit) {
      stream.destroy();
      throw tooLarge();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** How much of a refused body is read and thrown away, and for how long, before the connection is closed. */
export const DRAIN_LIMITS = { bytes: 64 * 1024 * 1024, millis: 10_000 };

/**
 * Sends a complete answer to a request whose body is not (or not fully) read, in a way every common client
 * reads. Closing at once, with the client still uploading, resets the connection: Python's http.client, which
 * sends the whole body before it reads, then sees a broken pipe instead of the answer. So the
 * answer (with Connection: close) goes out first, the rest of the body is read and discarded (at most
 * `limits.bytes`, for at most `limits.millis`), and only then is the connection closed.
 */
export function answerThenDrain(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
  limits: { bytes: number; millis: number } = DRAIN_LIMITS,
): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' });
  if (req.complete) {
    res.end(body);
    return;
  }
  res.write(body);
  let drained = 0;
  const finish = (): void => {
    clearTimeout(timer);
    req.off('data', onData);
    req.off('end', finish);
    req.off('error', finish);
    req.off('close', finish);
    // Past the bounds the connection is closed with the body half sent: the client gets a reset then.
    if (!res.writableEnded) res.end();
  };
  const onData = (chunk: Buffer): void => {
    drained += chunk.length;
    if (drained > limits.bytes) finish();
  };
  const timer = setTimeout(finish, limits.millis);
  timer.unref();
  req.on('data', onData);
  req.once('end', finish);
  req.once('error', finish);
  req.once('close', finish);
  req.resume();
}
