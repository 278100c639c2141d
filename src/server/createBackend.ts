/** Picks the backend for the mode. AWS mode's modules (SDK, credential chain) load only when asked for. */
import { isCloudHsmRegion } from '../cloudhsm/regions';
import type { Backend } from './backend';
import { createEmulatorBackend } from './emulator/backend';
import { DEFAULT_SPEED, type DashboardServerOptions } from './options';

export async function createBackend(options: DashboardServerOptions, log: (line: string) => void): Promise<Backend> {
  for (const region of options.regions ?? []) {
    if (!isCloudHsmRegion(region)) throw new Error(`"${region}" is not a region with CloudHSM V2.`);
  }
  if (options.mode === 'aws') {
    const { createAwsBackend } = await import('./aws/backend');
    return createAwsBackend(options, log);
  }
  return createEmulatorBackend({
    seed: options.seed ?? 'demo',
    large: options.large,
    speed: options.speed ?? DEFAULT_SPEED,
    dataFile: options.dataFile,
    fresh: options.fresh,
    account: options.account,
    principalName: options.principalName,
    tickMillis: options.tickMillis,
    latencyMs: options.latencyMs,
    quotas: options.quotas,
    log,
  });
}
