/** What the bench reads about the machine and the process: other load on the cores, a full GC before memory figures. */
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Fraction of all cores' time spent busy over `ms` (other work on the machine skews req/s). */
export async function machineBusy(ms: number): Promise<number> {
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
export function exposeGc(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => void gc() : undefined;
  } catch {
    return undefined;
  }
}
