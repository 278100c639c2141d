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
 *
 * The parts live in scripts/bench/emulator/: protocol (messages, scenario types), loopbackHttp and drive
 * (the load generator's requests and measuring loop), runScenario and loadGenerator (the child's side),
 * generatorProcess (the bench's side of the child), scenarios, machine, report, and bench (the main line).
 */
import { fileURLToPath } from 'node:url';
import { bench } from './bench/emulator/bench';
import { loadGenerator } from './bench/emulator/loadGenerator';

if (process.argv.includes('--load-generator')) loadGenerator();
else
  bench(fileURLToPath(import.meta.url)).catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
