/**
 * Seed data sets for the emulator: `demo` (a realistic account to show the dashboard with), `large` (scale
 * data) and `empty`. Seeds write records straight into the store (which marks them for persistence) and
 * then ask the emulator to rescan its schedule. Isomorphic: no Node-only imports.
 */
import type { Emulator } from '../emulator';
import { seedDemo } from './demo';
import { seedLarge, type LargeSeedOptions } from './large';

export type { LargeSeedOptions } from './large';
export { LARGE_DEFAULTS } from './large';
export { DEMO_REGIONS } from './demo';

export type SeedName = 'demo' | 'empty' | 'large';
export const SEED_NAMES: readonly SeedName[] = ['demo', 'empty', 'large'];
export const isSeedName = (name: string): name is SeedName => (SEED_NAMES as readonly string[]).includes(name);

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
  emulator.rescheduleAll();
}
