/** Restore drills: "Test restore" on a recovery row, and the last drill of a cluster. */
export { LastDrill, type LastDrillProps } from './LastDrill';
export { TestRestoreButton, type TestRestoreButtonProps } from './TestRestoreButton';
