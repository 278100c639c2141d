/**
 * The embedded emulator's flags: the emulator's own definition (src/emulator/node/flags.ts), which
 * `npm run emulator` reads too, so both programs take the same names with the same meaning and checks.
 * One of the server's two doors to the emulator (eslint.config.js, SERVER_EMULATOR_DOORS).
 */
export {
  EMULATOR_FLAGS,
  emulatorFlagsUsage,
  givenEmulatorFlags,
  readEmulatorFlags,
  type EmulatorSettings,
} from '../../emulator/node/flags';
export type { LargeSeedOptions, SeedName } from '../../emulator/seed';
