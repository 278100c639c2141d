/** The emulator bench's printed figures: the results table, its notes and the verdict against the target. */
import type { Measured } from './generatorProcess';

/** DescribeClusters requests per second the emulator should sustain. */
export const TARGET_CLUSTERS_PER_SECOND = 5000;

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const fixed = (n: number, digits: number): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The table of all scenarios, then each scenario's note and first error. */
export function printResults(measured: Measured[]): void {
  process.stdout.write(
    `\n${table(
      ['scenario', 'in flight', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'server CPU us/req', 'items/page', 'KB/resp', 'errors'],
      measured.map(({ result: r, serverCpuMicros }) => [
        r.name,
        String(r.concurrency),
        String(r.requests),
        fixed(r.perSecond, 0),
        fixed(r.p50, 2),
        fixed(r.p99, 2),
        fixed(r.max, 1),
        fixed(serverCpuMicros, 0),
        String(r.itemsPerPage),
        r.meanBytes ? fixed(r.meanBytes / 1024, 1) : '-',
        String(r.errors),
      ]),
    )}\n`,
  );
  process.stdout.write(
    '  server CPU us/req: CPU time (user + system, all threads: JS, GC helpers, kernel TCP work) of the server process per request while measuring.\n',
  );
  for (const { result: r } of measured) {
    if (r.note) process.stdout.write(`  ${r.name}: ${r.note}\n`);
    if (r.firstError) process.stdout.write(`  ${r.name}: first error: ${r.firstError}\n`);
  }
}

/** How busy the machine was before, then each headline scenario's req/s against the target. */
export function printVerdict(measured: Measured[], headlines: string[], cores: number, busyBefore: number): void {
  process.stdout.write(
    `\nBefore the bench the machine's ${cores} core(s) were ${(busyBefore * 100).toFixed(0)}% busy with other work${busyBefore > 0.15 ? ': req/s is understated' : ''}.\n`,
  );
  for (const name of headlines) {
    const headline = measured.find((m) => m.result.name === name);
    if (!headline) continue;
    const { result, serverCpuMicros } = headline;
    process.stdout.write(
      `${result.name}: ${result.perSecond.toFixed(0)} requests/s (server ${serverCpuMicros.toFixed(0)} us CPU per request); target >= ${TARGET_CLUSTERS_PER_SECOND}/s: ${result.perSecond >= TARGET_CLUSTERS_PER_SECOND ? 'met' : 'NOT met'}\n`,
    );
  }
}
