/**
 * The 18 operations of the CloudHSM V2 API (service model 2017-04-28, last changed 2025-08) and which of them
 * change state. The emulator answers them, the local server forwards only them (and in --read-only mode none
 * of the mutating ones), and the persistence layer writes what the mutating ones change.
 */
export const OPERATION_NAMES = [
  'CopyBackupToRegion',
  'CreateCluster',
  'CreateHsm',
  'DeleteBackup',
  'DeleteCluster',
  'DeleteHsm',
  'DeleteResourcePolicy',
  'DescribeBackups',
  'DescribeClusters',
  'GetResourcePolicy',
  'InitializeCluster',
  'ListTags',
  'ModifyBackupAttributes',
  'ModifyCluster',
  'PutResourcePolicy',
  'RestoreBackup',
  'TagResource',
  'UntagResource',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

const OPERATION_NAME_SET: ReadonlySet<string> = new Set(OPERATION_NAMES);

export const isOperationName = (name: string): name is OperationName => OPERATION_NAME_SET.has(name);

/** The operations that only read: DescribeBackups, DescribeClusters, GetResourcePolicy, ListTags. */
const READ_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>([
  'DescribeBackups',
  'DescribeClusters',
  'GetResourcePolicy',
  'ListTags',
]);

/** Operations that change state: all the others. */
export const MUTATING_OPERATIONS: ReadonlySet<OperationName> = new Set(OPERATION_NAMES.filter((name) => !READ_OPERATIONS.has(name)));
