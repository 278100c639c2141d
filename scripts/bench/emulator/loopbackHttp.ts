/** The load generator's raw HTTP: keep-alive POSTs to the emulator on loopback, in its wire format. */
import { request, type Agent } from 'node:http';
import { scopeHeader } from '../../../src/emulator/testing/harness';
import { HOST, TARGET } from './protocol';

export function post(agent: Agent, port: number, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: HOST, port, path: '/', method: 'POST', agent, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Like `post`, but only counts the answer's bytes (keeping its start for error messages): the measured
 * loop must cost the load generator little, or it, not the emulator, sets the pace on 2 cores.
 */
export function postCounting(
  agent: Agent,
  port: number,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; bytes: number; head: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: HOST, port, path: '/', method: 'POST', agent, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } },
      (res) => {
        let bytes = 0;
        let head = '';
        res.on('data', (chunk: Buffer) => {
          if (head.length < 200) head += chunk.subarray(0, 200).toString('utf8');
          bytes += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, head }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function headersFor(operation: string, region: string | null): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}${operation}` };
  if (region) headers['Authorization'] = scopeHeader(region);
  return headers;
}

export const itemsOf = (json: Record<string, unknown>): number => {
  const list = json['Clusters'] ?? json['Backups'];
  return Array.isArray(list) ? list.length : -1;
};

/** Walks `operation`'s pages in `region` and returns the NextTokens of pages `fromPage` onwards. */
export async function deepTokens(
  agent: Agent,
  port: number,
  operation: string,
  region: string,
  maxResults: number,
  fromPage: number,
): Promise<string[]> {
  const tokens: string[] = [];
  let token: string | undefined;
  for (let page = 1; page <= 1000; page++) {
    const body = JSON.stringify(token ? { MaxResults: maxResults, NextToken: token } : { MaxResults: maxResults });
    const { status, text } = await post(agent, port, headersFor(operation, region), body);
    if (status !== 200) throw new Error(`walking ${operation} pages: HTTP ${status} ${text.slice(0, 200)}`);
    token = (JSON.parse(text) as { NextToken?: string }).NextToken;
    if (!token) break;
    // `token` now leads to page + 1.
    if (page + 1 >= fromPage) tokens.push(token);
  }
  if (tokens.length === 0) throw new Error(`${operation} in ${region} has fewer than ${fromPage} pages`);
  return tokens;
}
