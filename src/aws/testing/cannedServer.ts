/**
 * A local HTTP server that gives every request the same AWS JSON 1.1 answer: for errors the emulator does
 * not produce (a throttle, a 5xx, a gateway's verdict), so the clients meet them over a real connection.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedAnswer {
  status: number;
  requestId: string;
  /** The JSON body, e.g. `{ __type: 'ThrottlingException', message: 'Rate exceeded' }`. */
  body: Record<string, unknown>;
}

/** Runs `run` with the base URL of a server giving `answer`, and closes the server afterwards. */
export async function withCannedServer<T>(answer: CannedAnswer, run: (baseUrl: string) => Promise<T>): Promise<T> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(answer.status, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': answer.requestId });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
