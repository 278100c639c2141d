/**
 * Seed data sets for the emulator: `demo` (a realistic account to show the dashboard with), `large` (scale
 * data) and `empty`. Seeds write records straight into the store (which marks them for persistence) and
 * then ask the emulator to rescan its schedule; they write past the quotas (a builder, not the API) and then
 * raise their account's quotas to fit (applySeedQuotas). Isomorphic: no Node-only imports.
 */
import type { Emulator } from '../emulator';
import { DEFAULT_QUOTAS, usage, type Quotas } from '../quotas';
import { seedDemo } from './demo';
import { seedLarge, type LargeSeedOptions } from './large';

export type { LargeSeedOptions } from './large';
export { LARGE_DEFAULTS } from './large';
export { DEMO_REGIONS } from './demo';

export type SeedName = 'demo' | 'empty' | 'large';
export const SEED_NAMES: readonly SeedName[] = ['demo', 'empty', 'large'];
export const isSeedName = (name: string): name is SeedName => (SEED_NAMES as readonly string[]).includes(name);

/**
 * The demo account's raised quotas: room for the guided journeys (create, restore, initialize, add HSMs) in
 * any region on top of the seeded clusters, as a quota increase would give. Other accounts keep AWS's defaults.
 */
export const DEMO_QUOTAS: Quotas = { clusters: 20, hsms: 40 };

/**
 * A seed raises its own account's quotas (the parts --quota gives stay as given): demo to DEMO_QUOTAS, large
 * to its busiest region's usage plus AWS's default room. Run after seeding and after loading a data file
 * (quotas are settings, not state), so a restart keeps them.
 */
export function applySeedQuotas(emulator: Emulator, seed: SeedName): void {
  const account = emulator.config.account;
  if (seed === 'demo') emulator.setAccountQuotas(account, DEMO_QUOTAS);
  if (seed !== 'large') return;
  const most: Quotas = { clusters: 0, hsms: 0 };
  for (const state of emulator.store.allRegions()) {
    if (state.account !== account) continue;
    const used = usage(state);
    most.clusters = Math.max(most.clusters, used.clusters);
    most.hsms = Math.max(most.hsms, used.hsms);
  }
  emulator.setAccountQuotas(account, { clusters: most.clusters + DEFAULT_QUOTAS.clusters, hsms: most.hsms + DEFAULT_QUOTAS.hsms });
}

export async function seedEmulator(emulator: Emulator, seed: SeedName, options: { large?: LargeSeedOptions } = {}): Promise<void> {
  switch (seed) {
    case 'empty':
      // Nothing: regions (and their networks) appear on first use.
      break;
    case 'demo':
      await seedDemo(emulator);
      break;
    case 'large':
      await seedLarge(emulator, options.large);
      break;
  }
  applySeedQuotas(emulator, seed);
  emulator.rescheduleAll();
}
