/**
 * `npm run bench` (second part): fetching every backup of every region through the dashboard server, as
 * the timeline does, with the data layer's own fetchers and SDK paginators.
 *
 * The server runs as a child process (`src/server/main.ts --seed large --in-memory`) so that it and this
 * client each get a core. Reported per strategy: pages (DescribeBackups calls), all requests, wall time,
 * backups fetched; then the server's memory (RSS from /proc) after the runs.
 *
 * Strategies:
 *   sequential          one region after another, each paging through all its backups
 *   fan-out (regions)   all regions at once, each paging (what useAllBackupsQuery does without clusterIds)
 *   fan-out (clusters)  all regions at once, and within each every cluster at once with a clusterIds
 *                       filter (what useAllBackupsQuery does for a set of clusters); backups of clusters
 *                       that no longer exist are not reached this way, so its count is lower
 *
 * The large seed has its default size (1,000 clusters, 20,000 backups over 4 regions). Option: --rounds N (default 3).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startDashboardProcess } from './serverProcess';
import { parseArgs } from 'node:util';
import type { CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';
import { createCloudHsmClients, type CloudHsmClients } from '../src/aws/clients';
import { describeAllBackups, describeAllClusters } from '../src/aws/queries/fetchers';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1'];

const { values } = parseArgs({
  options: { rounds: { type: 'string' } },
});
const rounds = Number(values.rounds ?? 3);
/** Added per request in the second table. */
const LATENCY_MS = 50;

const startServer = () => startDashboardProcess(['--seed', 'large', '--in-memory', '--speed', '1']);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Counted {
  clients: CloudHsmClients;
  requests: () => number;
  pages: () => number;
  reset: () => void;
}

/** Data-layer clients whose calls are counted by a middleware. */
function countedClients(url: string, latencyMs: number): Counted {
  let requests = 0;
  let pages = 0;
  const clients = createCloudHsmClients({
    baseUrl: url,
    onClientCreated: (client: CloudHSMV2Client) => {
      client.middlewareStack.add(
        (next, context) => async (args) => {
          requests++;
          if (context.commandName === 'DescribeBackupsCommand') pages++;
          // Models the round trip to a real regional endpoint, where parallel requests overlap their waits.
          if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
          return next(args);
        },
        { step: 'initialize', name: 'benchCounter' },
      );
    },
  });
  return { clients, requests: () => requests, pages: () => pages, reset: () => ((requests = 0), (pages = 0)) };
}

type Strategy = (clients: CloudHsmClients) => Promise<number>;

const STRATEGIES: [string, Strategy][] = [
  [
    'sequential (one region after another)',
    async (clients) => {
      let n = 0;
      for (const region of REGIONS) n += (await describeAllBackups(clients.forRegion(region))).length;
      return n;
    },
  ],
  [
    'fan-out across regions',
    async (clients) => (await Promise.all(REGIONS.map((r) => describeAllBackups(clients.forRegion(r))))).reduce((a, b) => a + b.length, 0),
  ],
  [
    'fan-out across regions and clusters (clusterIds)',
    async (clients) => {
      const perRegion = await Promise.all(
        REGIONS.map(async (region) => {
          const client = clients.forRegion(region);
          const clusters = await describeAllClusters(client);
          const lists = await Promise.all(clusters.map((c) => describeAllBackups(client, { clusterIds: [c.ClusterId!] })));
          return lists.reduce((a, b) => a + b.length, 0);
        }),
      );
      return perRegion.reduce((a, b) => a + b, 0);
    },
  ],
];

async function main(): Promise<void> {
  const { child, url } = await startServer();
  try {
    process.stdout.write(
      `\nDashboard server bench: every backup of ${REGIONS.join(', ')} through ${url}/aws/<region> (large seed, ${rounds} rounds each)\n`,
    );
    process.stdout.write(`Server RSS after seeding: ${rssMb(child.pid!).toFixed(0)} MB\n\n`);
    for (const latencyMs of [0, LATENCY_MS]) {
      process.stdout.write(
        latencyMs === 0
          ? 'Loopback, no added latency:\n'
          : `\nWith ${latencyMs} ms added to every request (a real endpoint's round trip), 1 round:\n`,
      );
      const rows: string[][] = [['strategy', 'backups', 'pages', 'requests', 'wall ms (best)', 'wall ms (median)']];
      for (const [name, strategy] of STRATEGIES) {
        const counted = countedClients(url, latencyMs);
        const times: number[] = [];
        let backups = 0;
        let pages = 0;
        let requests = 0;
        for (let round = 0; round < (latencyMs === 0 ? rounds : 1); round++) {
          counted.reset();
          const started = performance.now();
          backups = await strategy(counted.clients);
          times.push(performance.now() - started);
          pages = counted.pages();
          requests = counted.requests();
        }
        counted.clients.destroy();
        times.sort((a, b) => a - b);
        rows.push([
          name,
          String(backups),
          String(pages),
          String(requests),
          times[0]!.toFixed(0),
          times[Math.floor(times.length / 2)]!.toFixed(0),
        ]);
      }
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
      for (const [i, row] of rows.entries()) {
        process.stdout.write(`${row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  ')}\n`);
        if (i === 0) process.stdout.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
      }
    }
    process.stdout.write(`\nServer RSS after the runs: ${rssMb(child.pid!).toFixed(0)} MB\n`);
  } finally {
    child.kill('SIGTERM');
  }
}

await main();
