/** Restore drills: "Test restore" on a recovery row, and the last drill of a cluster. */
export { LastDrill, TestRestoreButton, type LastDrillProps, type TestRestoreButtonProps } from './TestRestoreButton';
