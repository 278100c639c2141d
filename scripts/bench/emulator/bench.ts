/** The bench's main line (server side): seed the emulator in this process, run each scenario through the load generator, print. */
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startEmulatorServer, type RunningEmulator } from '../../../src/emulator/node/server';
import { LARGE_DEFAULTS } from '../../../src/emulator/seed';
import { startGenerator, type Measured } from './generatorProcess';
import { exposeGc, machineBusy } from './machine';
import { HOST } from './protocol';
import { mb, printResults, printVerdict } from './report';
import { emulatorScenarios } from './scenarios';

/** Starts the emulator with the `large` seed and prints what it holds and the memory it takes. */
async function startSeeded(): Promise<RunningEmulator> {
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
  return running;
}

/** `entry` is the bench script: the load generator is that file again, started with --load-generator. */
export async function bench(entry: string): Promise<void> {
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

  const running = await startSeeded();
  process.stdout.write(
    `Server ${running.url}; load generator in a child process; ${seconds} s per scenario (+ warm-up); ${concurrency} requests in flight\n\n`,
  );

  const { all, headlines } = emulatorScenarios(concurrency, seconds);
  const scenarios = all.filter((s) => values.only === undefined || s.name.includes(values.only));
  if (scenarios.length === 0) throw new Error(`no scenario name contains "${values.only ?? ''}"`);
  const generator = await startGenerator(entry);
  const measured: Measured[] = [];
  try {
    for (const scenario of scenarios) {
      process.stdout.write(`running: ${scenario.name} ...\n`);
      measured.push(await generator.run(running.url, scenario));
    }
  } finally {
    generator.exit();
    await running.close();
  }

  printResults(measured);
  printVerdict(measured, headlines, cores, busyBefore);
  const failed = measured.some((m) => m.result.errors > 0);
  process.exitCode = failed ? 1 : 0;
}
