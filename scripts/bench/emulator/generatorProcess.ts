/** The bench's side of the load generator: forks it, sends scenarios, and times its own CPU between the phase messages. */
import { fork, type ChildProcess } from 'node:child_process';
import type { FromGenerator, Scenario, ScenarioResult, ToGenerator } from './protocol';

export interface Measured {
  result: ScenarioResult;
  /** Server (this process) CPU time per request during the measured part, in microseconds. */
  serverCpuMicros: number;
}

export interface LoadGenerator {
  child: ChildProcess;
  run: (url: string, scenario: Scenario) => Promise<Measured>;
  exit: () => void;
}

/** Forks `entry` (the bench script) with --load-generator and waits until it is ready. */
export function startGenerator(entry: string): Promise<LoadGenerator> {
  const child = fork(entry, ['--load-generator'], {
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
          exit: () => child.send({ type: 'exit' } satisfies ToGenerator),
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
