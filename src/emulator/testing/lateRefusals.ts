/**
 * Test cases for the property tests: requests that pass validation and are refused later, by a rule about the
 * stored state (the demo seed). Each must get its error and leave the store as it was.
 */
import type { OperationName } from '../../cloudhsm/operations';
import type { Snapshot } from '../store';
import { known, type REGIONS } from './arbitraries';

type Region = (typeof REGIONS)[number];

export interface LateCase {
  title: string;
  operation: OperationName;
  region: Region;
  body: Record<string, unknown>;
  type: string;
}

/** Adds the case titled "<operation>: <what>". */
type Add = (operation: OperationName, what: string, body: Record<string, unknown>, type: string, region?: Region) => void;

/** A TagList of these key/value pairs, in order (duplicates included). */
const tagList = (...pairs: [key: string, value: string][]) => pairs.map(([Key, Value]) => ({ Key, Value }));

/** What the cases refer to: records of the demo seed that each rule needs. */
function fixtures(snap: Snapshot, account: string) {
  const regionOf = (name: Region) => snap.regions.find((r) => r.region === name)!;
  const east = regionOf('us-east-1');
  const eu = regionOf('eu-west-1');
  const find = <T>(items: T[], predicate: (item: T) => boolean, what: string): T => {
    const found = items.find(predicate);
    if (!found) throw new Error(`the demo seed has no ${what}`);
    return found;
  };
  const activeWithHsms = find(
    east.clusters,
    (c) => c.State === 'ACTIVE' && c.Hsms.length > 0 && c.HsmType === 'hsm2m.medium',
    'ACTIVE hsm2m cluster with HSMs',
  );
  const [vpcA, vpcB] = east.vpcs;
  const newSubnet = 'subnet-0abcdef0123456789';
  return {
    account,
    east,
    activeWithHsms,
    uninitializedWithHsm: find(
      east.clusters,
      (c) => c.State === 'UNINITIALIZED' && c.Hsms.length === 1 && c.Certificates.ClusterCsr !== undefined,
      'UNINITIALIZED cluster with a CSR',
    ),
    tagged: find(east.clusters, (c) => c.Tags.length > 0, 'tagged cluster'),
    ready: find([...east.backups].reverse(), (b) => b.BackupState === 'READY', 'READY backup'),
    pending: find(eu.backups, (b) => b.BackupState === 'PENDING_DELETION', 'PENDING_DELETION backup in eu-west-1'),
    copying: find(eu.backups, (b) => b.BackupState === 'CREATE_IN_PROGRESS', 'CREATE_IN_PROGRESS backup in eu-west-1'),
    hsm: activeWithHsms.Hsms[0]!,
    vpcA,
    vpcB,
    subnetIn: (vpc: string, index: number) => east.subnets.filter((s) => s.VpcId === vpc)[index]!.SubnetId,
    sameAz: east.subnets.filter((s) => s.VpcId === vpcA!.VpcId && s.AvailabilityZone === east.subnets[0]!.AvailabilityZone),
    newSubnet,
    create: (extra: Record<string, unknown>) => ({ HsmType: 'hsm2m.medium', SubnetIds: [newSubnet], ...extra }),
    arn: (region: string, id: string, owner = account) => `arn:aws:cloudhsm:${region}:${owner}:backup/${id}`,
  };
}
type Fixtures = ReturnType<typeof fixtures>;

/** CreateCluster requests that pass validation and fail later: tags, source backup, retention, HSM type, subnets. */
function createClusterCases(add: Add, { vpcA, vpcB, subnetIn, sameAz, newSubnet, create }: Fixtures): void {
  add('CreateCluster', 'new subnet, reserved tag key', create({ TagList: tagList(['aws:team', 'x']) }), 'CloudHsmTagException');
  add(
    'CreateCluster',
    'new subnet, duplicate tag keys',
    create({ TagList: tagList(['a', '1'], ['a', '2']) }),
    'CloudHsmInvalidRequestException',
  );
  add(
    'CreateCluster',
    'new subnet, unknown source backup',
    create({ SourceBackupId: 'backup-aaaaaaaaaaa' }),
    'CloudHsmResourceNotFoundException',
  );
  add(
    'CreateCluster',
    'new subnet, retention 6 days',
    create({ BackupRetentionPolicy: { Type: 'DAYS', Value: '6' } }),
    'CloudHsmInvalidRequestException',
  );
  add('CreateCluster', 'new subnet, retired HSM type', create({ HsmType: 'hsm1.medium' }), 'CloudHsmInvalidRequestException');
  add('CreateCluster', 'NON_FIPS on hsm1', create({ HsmType: 'hsm1.medium', Mode: 'NON_FIPS' }), 'CloudHsmInvalidRequestException');
  add(
    'CreateCluster',
    'subnets of two VPCs',
    { HsmType: 'hsm2m.medium', SubnetIds: [subnetIn(vpcA!.VpcId, 0), subnetIn(vpcB!.VpcId, 1), newSubnet] },
    'CloudHsmInvalidRequestException',
  );
  if (sameAz.length > 1)
    add(
      'CreateCluster',
      'two subnets in one AZ',
      { HsmType: 'hsm2m.medium', SubnetIds: sameAz.map((s) => s.SubnetId) },
      'CloudHsmInvalidRequestException',
    );
  add('CreateCluster', 'a subnet twice', { HsmType: 'hsm2m.medium', SubnetIds: [newSubnet, newSubnet] }, 'CloudHsmInvalidRequestException');
  add(
    'CreateCluster',
    'more new subnets than free AZs',
    { HsmType: 'hsm2m.medium', SubnetIds: Array.from({ length: 10 }, (_, i) => `subnet-0abc${String(i).padStart(13, '0')}`) },
    'CloudHsmInvalidRequestException',
  );
}

/** Tags, deletion, initialization and modification of existing clusters, refused late. */
function clusterCases(add: Add, { activeWithHsms, uninitializedWithHsm, tagged }: Fixtures): void {
  add(
    'TagResource',
    'over 50 tags in all',
    { ResourceId: tagged.ClusterId, TagList: Array.from({ length: 50 }, (_, i) => ({ Key: `new-${i}`, Value: 'v' })) },
    'CloudHsmResourceLimitExceededException',
  );
  add(
    'TagResource',
    'a reserved key after a good one',
    { ResourceId: tagged.ClusterId, TagList: tagList(['fine', '1'], ['aws:x', '2']) },
    'CloudHsmTagException',
  );
  add(
    'UntagResource',
    'an existing key and a reserved one',
    { ResourceId: tagged.ClusterId, TagKeyList: [tagged.Tags[0]!.Key, 'aws:x'] },
    'CloudHsmTagException',
  );
  add('DeleteCluster', 'still has HSMs', { ClusterId: activeWithHsms.ClusterId }, 'CloudHsmInvalidRequestException');
  add(
    'InitializeCluster',
    'certificates that are not certificates',
    { ClusterId: uninitializedWithHsm.ClusterId, SignedCert: known.Cert[0]!, TrustAnchor: known.Cert[0]! },
    'CloudHsmInvalidRequestException',
  );
  add(
    'InitializeCluster',
    'an ACTIVE cluster',
    { ClusterId: activeWithHsms.ClusterId, SignedCert: known.Cert[0]!, TrustAnchor: known.Cert[0]! },
    'CloudHsmInvalidRequestException',
  );
  add(
    'ModifyCluster',
    'a valid retention with an impossible HSM type',
    { ClusterId: activeWithHsms.ClusterId, HsmType: 'hsm1.medium', BackupRetentionPolicy: { Type: 'DAYS', Value: '30' } },
    'CloudHsmInvalidRequestException',
  );
  add('ModifyCluster', 'nothing to change', { ClusterId: activeWithHsms.ClusterId }, 'CloudHsmInvalidRequestException');
}

/** CreateHsm and DeleteHsm refused late: before activation, outside the mapping, addresses, unknown HSMs. */
function hsmCases(add: Add, { activeWithHsms, uninitializedWithHsm, hsm }: Fixtures): void {
  add(
    'CreateHsm',
    'a second HSM before activation',
    { ClusterId: uninitializedWithHsm.ClusterId, AvailabilityZone: Object.keys(uninitializedWithHsm.SubnetMapping).at(-1)! },
    'CloudHsmInvalidRequestException',
  );
  add(
    'CreateHsm',
    'an AZ outside the mapping',
    { ClusterId: activeWithHsms.ClusterId, AvailabilityZone: 'us-east-1f' },
    'CloudHsmInvalidRequestException',
  );
  add(
    'CreateHsm',
    'an IP already in use',
    { ClusterId: activeWithHsms.ClusterId, AvailabilityZone: hsm.AvailabilityZone, IpAddress: hsm._eniIp },
    'CloudHsmInvalidRequestException',
  );
  add(
    'CreateHsm',
    'an IP outside the subnet',
    { ClusterId: activeWithHsms.ClusterId, AvailabilityZone: hsm.AvailabilityZone, IpAddress: '192.168.77.10' },
    'CloudHsmInvalidRequestException',
  );
  add(
    'CreateHsm',
    'an IP that is no address',
    { ClusterId: activeWithHsms.ClusterId, AvailabilityZone: hsm.AvailabilityZone, IpAddress: '999.999.999.999' },
    'CloudHsmInvalidRequestException',
  );
  add(
    'DeleteHsm',
    'an unknown HSM',
    { ClusterId: activeWithHsms.ClusterId, HsmId: 'hsm-aaaaaaaaaaa' },
    'CloudHsmResourceNotFoundException',
  );
  add('DeleteHsm', 'no HSM named', { ClusterId: activeWithHsms.ClusterId }, 'CloudHsmInvalidRequestException');
}

/** Backups refused late: restore, delete, attributes and copies. */
function backupCases(add: Add, { ready, pending, copying }: Fixtures): void {
  add('RestoreBackup', 'a READY backup', { BackupId: ready.BackupId }, 'CloudHsmInvalidRequestException');
  add('DeleteBackup', 'a backup pending deletion', { BackupId: pending.BackupId }, 'CloudHsmInvalidRequestException', 'eu-west-1');
  add(
    'ModifyBackupAttributes',
    'an unknown backup',
    { BackupId: 'backup-aaaaaaaaaaa', NeverExpires: true },
    'CloudHsmResourceNotFoundException',
  );
  add(
    'CopyBackupToRegion',
    'to its own region',
    { BackupId: ready.BackupId, DestinationRegion: 'us-east-1' },
    'CloudHsmInvalidRequestException',
  );
  add(
    'CopyBackupToRegion',
    'a backup still being made, to a new region',
    { BackupId: copying.BackupId, DestinationRegion: 'ap-south-1' },
    'CloudHsmInvalidRequestException',
    'eu-west-1',
  );
  add(
    'CopyBackupToRegion',
    'an unknown backup, to a new region',
    { BackupId: 'backup-aaaaaaaaaaa', DestinationRegion: 'ap-northeast-1' },
    'CloudHsmResourceNotFoundException',
  );
  add(
    'CopyBackupToRegion',
    'a reserved tag key, to a new region',
    { BackupId: ready.BackupId, DestinationRegion: 'ca-central-1', TagList: tagList(['aws:x', '1']) },
    'CloudHsmTagException',
  );
  add(
    'CopyBackupToRegion',
    'to a region without CloudHSM',
    { BackupId: ready.BackupId, DestinationRegion: 'xx-east-1' },
    'CloudHsmInvalidRequestException',
  );
}

/** Resource policies refused late. */
function policyCases(add: Add, { account, activeWithHsms, ready, pending, arn }: Fixtures): void {
  add(
    'PutResourcePolicy',
    'a policy that is not JSON',
    { ResourceArn: arn('us-east-1', ready.BackupId), Policy: 'not json' },
    'CloudHsmInvalidRequestException',
  );
  add(
    'PutResourcePolicy',
    'on a cluster',
    { ResourceArn: `arn:aws:cloudhsm:us-east-1:${account}:cluster/${activeWithHsms.ClusterId}`, Policy: '{"Statement":[]}' },
    'CloudHsmInvalidRequestException',
  );
  add(
    'PutResourcePolicy',
    "another account's backup",
    { ResourceArn: arn('us-east-1', ready.BackupId, '210987654321'), Policy: '{"Statement":[]}' },
    'CloudHsmAccessDeniedException',
  );
  add(
    'PutResourcePolicy',
    'a backup pending deletion',
    { ResourceArn: arn('eu-west-1', pending.BackupId), Policy: '{"Statement":[]}' },
    'CloudHsmInvalidRequestException',
    'eu-west-1',
  );
  add(
    'DeleteResourcePolicy',
    'a backup in a never-used region',
    { ResourceArn: arn('sa-east-1', 'backup-aaaaaaaaaaa') },
    'CloudHsmResourceNotFoundException',
  );
  add('PutResourcePolicy', 'no ARN', { Policy: '{"Statement":[]}' }, 'CloudHsmInvalidRequestException');
}

export function lateRefusals(snap: Snapshot, account: string): LateCase[] {
  const cases: LateCase[] = [];
  const add: Add = (operation, what, body, type, region = 'us-east-1') =>
    cases.push({ title: `${operation}: ${what}`, operation, region, body, type });
  const f = fixtures(snap, account);
  for (const group of [createClusterCases, clusterCases, hsmCases, backupCases, policyCases]) group(add, f);
  return cases;
}
