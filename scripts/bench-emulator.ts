/**
 * `npm run bench`: throughput and latency of the standalone emulator on loopback.
 *
 * The server runs in this process (startEmulatorServer, port 0, the `large` seed); the load comes from a
 * child process (this same file, started with --load-generator) so that server and client each get a core.
 * Every measurement is bounded in time and in request count, and only 127.0.0.1 is ever contacted.
 *
 * "repeated" scenarios send the same request again and again (as a polling dashboard does); "all distinct"
 * scenarios make every request's body text unique (whitespace), so no layer can answer from a cache of
 * whole answers (the emulator keeps none: it reuses the encoded JSON of each unchanged record).
 *
 * Options: --seconds N (per scenario, default 5), --concurrency N (requests in flight, default 24),
 *   --only TEXT (run only the scenarios whose name contains TEXT).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CloudHSMV2Client, DescribeBackupsCommand, DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { startEmulatorServer } from '../src/emulator/node/server';
import { LARGE_DEFAULTS } from '../src/emulator/seed';
import { scopeHeader } from '../src/emulator/testing/harness';

const TARGET = 'BaldrApiService.';
const HOST = '127.0.0.1';
/** Hard cap on requests per scenario, whatever the duration. */
const MAX_REQUESTS_PER_SCENARIO = 500_000;
/** DescribeClusters requests per second the emulator should sustain. */
const TARGET_CLUSTERS_PER_SECOND = 5000;

// ---- Messages between the bench and its load generator ----

interface RawScenario {
  kind: 'raw';
  name: string;
  operation: 'DescribeClusters' | 'DescribeBackups';
  /** Request bodies, cycled through. */
  bodies: string[];
  /** Regions (fake SigV4 scope headers), cycled through; null: unsigned (us-east-1). */
  regions: (string | null)[];
  /** Replace the bodies with deep-page NextTokens found by walking the pages first (DescribeBackups). */
  deepPages?: { region: string; maxResults: number; fromPage: number };
  /**
   * Make every request's body text different (padding whitespace: the same request to the emulator);
   * otherwise identical requests repeat, as when a dashboard polls.
   */
  distinct?: boolean;
  concurrency: number;
  seconds: number;
}

interface SdkScenario {
  kind: 'sdk';
  name: string;
  operation: 'DescribeClusters' | 'DescribeBackups';
  maxResults: number;
  regions: string[];
  concurrency: number;
  seconds: number;
}

type Scenario = RawScenario | SdkScenario;

interface ScenarioResult {
  name: string;
  concurrency: number;
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  meanBytes: number;
  /** What one response held, as a sanity check (items per page). */
  itemsPerPage: number;
  note?: string;
}

type ToGenerator = { type: 'run'; url: string; scenario: Scenario } | { type: 'exit' };
type FromGenerator =
  | { type: 'ready' }
  /** The measured part of a scenario starts or ends (the server samples its CPU time). */
  | { type: 'phase'; phase: 'start' | 'end' }
  | { type: 'result'; result: ScenarioResult }
  | { type: 'failed'; message: string };

/** Tells the bench process (the server) where the measured part of a scenario starts and ends. */
function phase(which: 'start' | 'end'): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send({ type: 'phase', phase: which } satisfies FromGenerator, () => resolve());
  });
}

// ---- Load generator (child process) ----

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function post(agent: Agent, port: number, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
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
function postCounting(
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

function headersFor(operation: string, region: string | null): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}${operation}` };
  if (region) headers['Authorization'] = scopeHeader(region);
  return headers;
}

const itemsOf = (json: Record<string, unknown>): number => {
  const list = json['Clusters'] ?? json['Backups'];
  return Array.isArray(list) ? list.length : -1;
};

/** Runs `once` with `concurrency` loops until the time or the request cap is reached. */
async function drive(
  concurrency: number,
  seconds: number,
  once: (n: number) => Promise<{ ok: boolean; bytes: number; error?: string }>,
): Promise<{ latencies: Float64Array; requests: number; errors: number; firstError?: string; elapsed: number; bytes: number }> {
  const latencies = new Float64Array(MAX_REQUESTS_PER_SCENARIO);
  let issued = 0;
  let done = 0;
  let errors = 0;
  let bytes = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline && issued < MAX_REQUESTS_PER_SCENARIO) {
      const n = issued++;
      const t0 = performance.now();
      let outcome: { ok: boolean; bytes: number; error?: string };
      try {
        outcome = await once(n);
      } catch (error) {
        outcome = { ok: false, bytes: 0, error: error instanceof Error ? error.message : String(error) };
      }
      latencies[done++] = performance.now() - t0;
      bytes += outcome.bytes;
      if (!outcome.ok) {
        errors++;
        firstError ??= outcome.error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - start) / 1000;
  return { latencies: latencies.subarray(0, done).sort(), requests: done, errors, firstError, elapsed, bytes };
}

async function deepTokens(
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

async function runRaw(url: string, scenario: RawScenario): Promise<ScenarioResult> {
  const port = Number(new URL(url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: scenario.concurrency, maxFreeSockets: scenario.concurrency });
  try {
    let bodies = scenario.bodies;
    let note: string | undefined;
    if (scenario.deepPages) {
      const { region, maxResults, fromPage } = scenario.deepPages;
      const tokens = await deepTokens(agent, port, scenario.operation, region, maxResults, fromPage);
      bodies = tokens.map((t) => JSON.stringify({ MaxResults: maxResults, NextToken: t }));
      note = `pages ${fromPage}-${fromPage + tokens.length - 1} of ${region}`;
    }
    const headerSets = scenario.regions.map((r) => headersFor(scenario.operation, r));
    // Request n is padded with n in binary, written with spaces and tabs: no body text ever repeats.
    const bodyOf = scenario.distinct
      ? (n: number): string => {
          const body = bodies[n % bodies.length]!;
          return `${body.slice(0, -1)}${n.toString(2).replace(/0/g, ' ').replace(/1/g, '\t')}}`;
        }
      : (n: number): string => bodies[n % bodies.length]!;
    // One checked request first: the answer must be a full page.
    const probe = await post(agent, port, headerSets[0]!, bodies[0]!);
    if (probe.status !== 200) throw new Error(`${scenario.name}: HTTP ${probe.status} ${probe.text.slice(0, 300)}`);
    const itemsPerPage = itemsOf(JSON.parse(probe.text) as Record<string, unknown>);
    // Warm-up (JIT, sockets), not measured.
    await drive(scenario.concurrency, Math.min(1, scenario.seconds / 5), (n) =>
      post(agent, port, headerSets[n % headerSets.length]!, bodyOf(n)).then((r) => ({ ok: r.status === 200, bytes: r.text.length })),
    );
    await phase('start');
    const run = await drive(scenario.concurrency, scenario.seconds, (n) =>
      postCounting(agent, port, headerSets[n % headerSets.length]!, bodyOf(n)).then((r) => ({
        ok: r.status === 200,
        bytes: r.bytes,
        error: r.status === 200 ? undefined : `HTTP ${r.status} ${r.head}`,
      })),
    );
    await phase('end');
    return summarize(scenario, run, itemsPerPage, note);
  } finally {
    agent.destroy();
  }
}

async function runSdk(url: string, scenario: SdkScenario): Promise<ScenarioResult> {
  const clients = scenario.regions.map(
    (region) =>
      new CloudHSMV2Client({
        region,
        endpoint: url,
        credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' },
        maxAttempts: 1,
      }),
  );
  try {
    const send = async (n: number): Promise<{ ok: boolean; bytes: number; items: number }> => {
      const client = clients[n % clients.length]!;
      if (scenario.operation === 'DescribeClusters') {
        const out = await client.send(new DescribeClustersCommand({ MaxResults: scenario.maxResults }));
        return { ok: true, bytes: 0, items: out.Clusters?.length ?? -1 };
      }
      const out = await client.send(new DescribeBackupsCommand({ MaxResults: scenario.maxResults }));
      return { ok: true, bytes: 0, items: out.Backups?.length ?? -1 };
    };
    const itemsPerPage = (await send(0)).items;
    await drive(scenario.concurrency, Math.min(1, scenario.seconds / 5), send);
    await phase('start');
    const run = await drive(scenario.concurrency, scenario.seconds, send);
    await phase('end');
    return summarize(scenario, run, itemsPerPage, 'signed, parsed by the SDK (bytes not counted)');
  } finally {
    for (const client of clients) client.destroy();
  }
}

function summarize(
  scenario: Scenario,
  run: Awaited<ReturnType<typeof drive>>,
  itemsPerPage: number,
  note: string | undefined,
): ScenarioResult {
  return {
    name: scenario.name,
    concurrency: scenario.concurrency,
    requests: run.requests,
    errors: run.errors,
    firstError: run.firstError,
    seconds: run.elapsed,
    perSecond: run.requests / run.elapsed,
    p50: percentile(run.latencies, 50),
    p99: percentile(run.latencies, 99),
    max: run.latencies.length ? run.latencies[run.latencies.length - 1]! : NaN,
    meanBytes: run.requests ? run.bytes / run.requests : 0,
    itemsPerPage,
    note,
  };
}

function loadGenerator(): void {
  const send = (message: FromGenerator): void => {
    process.send?.(message);
  };
  process.on('message', (message: ToGenerator) => {
    if (message.type === 'exit') {
      process.disconnect();
      return;
    }
    const run = message.scenario.kind === 'raw' ? runRaw(message.url, message.scenario) : runSdk(message.url, message.scenario);
    run.then(
      (result) => send({ type: 'result', result }),
      (error: unknown) => send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  send({ type: 'ready' });
}

// ---- The bench (server side) ----

/** Fraction of all cores' time spent busy over `ms` (other work on the machine skews req/s). */
async function machineBusy(ms: number): Promise<number> {
  const sample = (): { busy: number; total: number } => {
    let busy = 0;
    let total = 0;
    for (const { times } of cpus()) {
      busy += times.user + times.nice + times.sys + times.irq;
      total += times.user + times.nice + times.sys + times.irq + times.idle;
    }
    return { busy, total };
  };
  const a = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = sample();
  return b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : 0;
}

/** A full GC before reading the memory figures, when V8 lets us turn it on at run time. */
function exposeGc(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => void gc() : undefined;
  } catch {
    return undefined;
  }
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const fixed = (n: number, digits: number): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

interface Measured {
  result: ScenarioResult;
  /** Server (this process) CPU time per request during the measured part, in microseconds. */
  serverCpuMicros: number;
}

function startGenerator(): Promise<{ child: ChildProcess; run: (url: string, scenario: Scenario) => Promise<Measured> }> {
  const child = fork(fileURLToPath(import.meta.url), ['--load-generator'], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let pending: { resolve: (r: Measured) => void; reject: (e: Error) => void } | null = null;
  let cpuAtStart: NodeJS.CpuUsage | null = null;
  let cpuUsed: NodeJS.CpuUsage | null = null;
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => rejectStart(new Error('the load generator did not start within 30 s')), 30_000);
    child.on('message', (message: FromGenerator) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolveStart({
          child,
          run: (url, scenario) =>
            new Promise<Measured>((resolve, reject) => {
              pending = { resolve, reject };
              cpuAtStart = null;
              cpuUsed = null;
              child.send({ type: 'run', url, scenario } satisfies ToGenerator);
            }),
        });
      } else if (message.type === 'phase') {
        if (message.phase === 'start') cpuAtStart = process.cpuUsage();
        else if (cpuAtStart) cpuUsed = process.cpuUsage(cpuAtStart);
      } else if (message.type === 'result') {
        const { result } = message;
        const cpu = cpuUsed ? cpuUsed.user + cpuUsed.system : NaN;
        pending?.resolve({ result, serverCpuMicros: result.requests ? cpu / result.requests : NaN });
      } else pending?.reject(new Error(`load generator: ${message.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const error = new Error(`the load generator exited (code ${String(code)})`);
      rejectStart(error);
      pending?.reject(error);
    });
  });
}

async function bench(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string' },
      concurrency: { type: 'string' },
      only: { type: 'string' },
      'load-generator': { type: 'boolean' },
    },
  });
  const seconds = Math.min(60, Math.max(0.5, Number(values.seconds ?? 5)));
  const concurrency = Math.min(256, Math.max(1, Math.floor(Number(values.concurrency ?? 24))));

  const cores = availableParallelism();
  const busyBefore = await machineBusy(1000);
  process.stdout.write(`CloudHSM V2 emulator bench: node ${process.version}, ${cores} core(s) (${cpus()[0]?.model ?? 'unknown CPU'})\n`);
  if (cores < 2) process.stdout.write('Only one core: the server and the load generator share it, so the figures are roughly halved.\n');

  const t0 = performance.now();
  const running = await startEmulatorServer({
    port: 0,
    host: HOST,
    seed: 'large',
    tickMillis: 1000,
    log: (m) => process.stderr.write(`emulator: ${m}\n`),
  });
  const seedMs = performance.now() - t0;
  let clusters = 0;
  let backups = 0;
  const regions: string[] = [];
  for (const state of running.emulator.store.allRegions()) {
    if (state.clusters.size + state.backups.size === 0) continue;
    clusters += state.clusters.size;
    backups += state.backups.size;
    regions.push(state.region);
  }
  const gc = exposeGc();
  gc?.();
  const memory = process.memoryUsage();
  process.stdout.write(
    `Seeded 'large' (${LARGE_DEFAULTS.clusters} clusters, ${LARGE_DEFAULTS.backups} backups by default): ${clusters} clusters, ${backups} backups in ${regions.length} regions (${regions.join(', ')}) in ${(seedMs / 1000).toFixed(2)} s (includes starting the server)\n`,
  );
  process.stdout.write(
    `Memory after seeding${gc ? ' (after GC)' : ''}: RSS ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)} of ${mb(memory.heapTotal)}, external ${mb(memory.external)}\n`,
  );
  process.stdout.write(
    `Server ${running.url}; load generator in a child process; ${seconds} s per scenario (+ warm-up); ${concurrency} requests in flight\n\n`,
  );

  const allRegions = [null, ...LARGE_DEFAULTS.regions.slice(1)];
  const deep = { region: 'us-west-2', maxResults: 50, fromPage: 20 };
  const allScenarios: Scenario[] = [
    {
      kind: 'raw',
      name: 'DescribeClusters 25/page, us-east-1 unsigned, repeated',
      operation: 'DescribeClusters',
      bodies: ['{"MaxResults":25}'],
      regions: [null],
      concurrency,
      seconds,
    },
    {
      kind: 'raw',
      name: 'DescribeClusters 25/page, 4 regions (scope header), repeated',
      operation: 'DescribeClusters',
      bodies: ['{"MaxResults":25}'],
      regions: allRegions,
      concurrency,
      seconds,
    },
    {
      kind: 'raw',
      name: 'DescribeClusters 25/page, us-east-1 unsigned, all distinct',
      operation: 'DescribeClusters',
      bodies: ['{"MaxResults":25}'],
      regions: [null],
      distinct: true,
      concurrency,
      seconds,
    },
    {
      kind: 'raw',
      name: 'DescribeBackups 50/page, first page, 4 regions, repeated',
      operation: 'DescribeBackups',
      bodies: ['{"MaxResults":50}'],
      regions: allRegions,
      concurrency,
      seconds,
    },
    {
      kind: 'raw',
      name: 'DescribeBackups 50/page, first page, 4 regions, all distinct',
      operation: 'DescribeBackups',
      bodies: ['{"MaxResults":50}'],
      regions: allRegions,
      distinct: true,
      concurrency,
      seconds,
    },
    {
      kind: 'raw',
      name: 'DescribeBackups 50/page, deep pages (NextToken), repeated',
      operation: 'DescribeBackups',
      bodies: [],
      regions: [deep.region],
      deepPages: deep,
      concurrency,
      seconds,
    },
    {
      kind: 'raw',
      name: 'DescribeBackups 50/page, deep pages (NextToken), all distinct',
      operation: 'DescribeBackups',
      bodies: [],
      regions: [deep.region],
      deepPages: deep,
      distinct: true,
      concurrency,
      seconds,
    },
    {
      kind: 'sdk',
      name: 'SDK DescribeClusters 25/page (signed, parsed), repeated',
      operation: 'DescribeClusters',
      maxResults: 25,
      regions: [...LARGE_DEFAULTS.regions],
      concurrency: 16,
      seconds: Math.min(seconds, 3),
    },
    {
      kind: 'sdk',
      name: 'SDK DescribeBackups 50/page (signed, parsed), repeated',
      operation: 'DescribeBackups',
      maxResults: 50,
      regions: [...LARGE_DEFAULTS.regions],
      concurrency: 16,
      seconds: Math.min(seconds, 3),
    },
  ];

  const scenarios = allScenarios.filter((s) => values.only === undefined || s.name.includes(values.only));
  if (scenarios.length === 0) throw new Error(`no scenario name contains "${values.only ?? ''}"`);
  const generator = await startGenerator();
  const measured: Measured[] = [];
  try {
    for (const scenario of scenarios) {
      process.stdout.write(`running: ${scenario.name} ...\n`);
      measured.push(await generator.run(running.url, scenario));
    }
  } finally {
    generator.child.send({ type: 'exit' } satisfies ToGenerator);
    await running.close();
  }
  const results = measured.map((m) => m.result);

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
  for (const r of results) {
    if (r.note) process.stdout.write(`  ${r.name}: ${r.note}\n`);
    if (r.firstError) process.stdout.write(`  ${r.name}: first error: ${r.firstError}\n`);
  }
  process.stdout.write(
    `\nBefore the bench the machine's ${cores} core(s) were ${(busyBefore * 100).toFixed(0)}% busy with other work${busyBefore > 0.15 ? ': req/s is understated' : ''}.\n`,
  );
  for (const index of [0, 2]) {
    const headline = measured.find((m) => m.result.name === allScenarios[index]!.name);
    if (!headline) continue;
    const { result, serverCpuMicros } = headline;
    process.stdout.write(
      `${result.name}: ${result.perSecond.toFixed(0)} requests/s (server ${serverCpuMicros.toFixed(0)} us CPU per request); target >= ${TARGET_CLUSTERS_PER_SECOND}/s: ${result.perSecond >= TARGET_CLUSTERS_PER_SECOND ? 'met' : 'NOT met'}\n`,
    );
  }
  const failed = results.some((r) => r.errors > 0);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv.includes('--load-generator')) loadGenerator();
else
  bench().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
