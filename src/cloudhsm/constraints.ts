/**
 * The input constraints of the 18 CloudHSM V2 operations, as data: the emulator validates requests with it
 * and the dashboard's forms check their input against it (src/aws/constraints.ts), so both refuse the same.
 *
 * Written by hand from the service model (botocore cloudhsmv2/2017-04-28, last changed 2025-08); the
 * conformance test (`constraints.conformance.test.ts`) re-reads botocore's model when it is installed and fails
 * if this table drifts from it. Patterns are full-match (the Smithy model anchors them; botocore does not).
 */
import { ID_PATTERNS } from './ids';
import type { OperationName } from './operations';

export type Shape = StringShape | IntegerShape | BooleanShape | ListShape | MapShape | StructureShape;

export interface StringShape {
  type: 'string';
  /** The model's shape name, used in error messages so a person can look it up. */
  name: string;
  min?: number;
  max?: number;
  pattern?: RegExp;
  enum?: readonly string[];
}
export interface IntegerShape {
  type: 'integer';
  name: string;
  min?: number;
  max?: number;
}
export interface BooleanShape {
  type: 'boolean';
  name: string;
}
export interface ListShape {
  type: 'list';
  name: string;
  member: Shape;
  min?: number;
  max?: number;
}
export interface MapShape {
  type: 'map';
  name: string;
  key: StringShape;
  value: Shape;
  max?: number;
}
export interface StructureShape {
  type: 'structure';
  name: string;
  members: Record<string, Shape>;
  required: readonly string[];
}

const full = (source: string, flags = ''): RegExp => new RegExp(`^(?:${source})$`, flags);

const REGION_GROUP = '[a-z]{2}(-(gov|isob|iso))?-(east|west|north|south|central){1,2}-[0-9]{1}';

export const ClusterId: StringShape = { type: 'string', name: 'ClusterId', pattern: full(ID_PATTERNS.cluster) };
export const HsmId: StringShape = { type: 'string', name: 'HsmId', pattern: full(ID_PATTERNS.hsm) };
export const BackupId: StringShape = { type: 'string', name: 'BackupId', pattern: full(ID_PATTERNS.backup) };
export const BackupArn: StringShape = {
  type: 'string',
  name: 'BackupArn',
  pattern: full(`(arn:aws(-(us-gov))?:cloudhsm:(${REGION_GROUP}):[0-9]{12}:backup/)?${ID_PATTERNS.backup}`),
};
export const CloudHsmArn: StringShape = {
  type: 'string',
  name: 'CloudHsmArn',
  pattern: full(`arn:aws(-(us-gov))?:cloudhsm:(${REGION_GROUP}):[0-9]{12}:(backup/backup|cluster/cluster|hsm/hsm)-[2-7a-zA-Z]{11,16}`),
};
export const ResourceId: StringShape = { type: 'string', name: 'ResourceId', pattern: full(ID_PATTERNS.taggable) };
export const SubnetId: StringShape = { type: 'string', name: 'SubnetId', pattern: full(ID_PATTERNS.subnet) };
export const EniId: StringShape = { type: 'string', name: 'EniId', pattern: full(ID_PATTERNS.eni) };
export const IpAddress: StringShape = { type: 'string', name: 'IpAddress', pattern: full('\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}') };
export const ExternalAz: StringShape = {
  type: 'string',
  name: 'ExternalAz',
  pattern: full('[a-z]{2}(-(gov))?-(east|west|north|south|central){1,2}-\\d[a-z]'),
};
export const Region: StringShape = {
  type: 'string',
  name: 'Region',
  pattern: full('[a-z]{2}(-(gov))?-(east|west|north|south|central){1,2}-\\d'),
};
export const HsmType: StringShape = { type: 'string', name: 'HsmType', max: 32, pattern: full('((p|)hsm[0-9][a-z.]*\\.[a-zA-Z]+)') };
export const Cert: StringShape = { type: 'string', name: 'Cert', max: 20000, pattern: full('[a-zA-Z0-9+-/=\\s]*') };
export const NextToken: StringShape = { type: 'string', name: 'NextToken', max: 256, pattern: full('.*', 's') };
export const ResourcePolicy: StringShape = { type: 'string', name: 'ResourcePolicy', min: 1, max: 20000 };
export const ClusterMode: StringShape = { type: 'string', name: 'ClusterMode', enum: ['FIPS', 'NON_FIPS'] };
export const NetworkType: StringShape = { type: 'string', name: 'NetworkType', enum: ['IPV4', 'DUALSTACK'] };
export const BackupRetentionType: StringShape = { type: 'string', name: 'BackupRetentionType', enum: ['DAYS'] };
export const BackupRetentionValue: StringShape = { type: 'string', name: 'BackupRetentionValue', min: 1, max: 3, pattern: full('[0-9]+') };
const TAG_PATTERN = full('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*', 'u');
export const TagKey: StringShape = { type: 'string', name: 'TagKey', min: 1, max: 128, pattern: TAG_PATTERN };
export const TagValue: StringShape = { type: 'string', name: 'TagValue', min: 0, max: 256, pattern: TAG_PATTERN };
export const Field: StringShape = { type: 'string', name: 'Field', pattern: full('[a-zA-Z0-9_-]+') };
const PlainString: StringShape = { type: 'string', name: 'String' };
const Boolean: BooleanShape = { type: 'boolean', name: 'Boolean' };

export const Tag: StructureShape = {
  type: 'structure',
  name: 'Tag',
  members: { Key: TagKey, Value: TagValue },
  required: ['Key', 'Value'],
};
export const TagList: ListShape = { type: 'list', name: 'TagList', member: Tag, min: 1, max: 50 };
export const TagKeyList: ListShape = { type: 'list', name: 'TagKeyList', member: TagKey, min: 1, max: 50 };
export const SubnetIds: ListShape = { type: 'list', name: 'SubnetIds', member: SubnetId, min: 1, max: 10 };
export const Filters: MapShape = {
  type: 'map',
  name: 'Filters',
  key: Field,
  value: { type: 'list', name: 'Strings', member: PlainString },
  max: 30,
};
export const BackupRetentionPolicy: StructureShape = {
  type: 'structure',
  name: 'BackupRetentionPolicy',
  members: { Type: BackupRetentionType, Value: BackupRetentionValue },
  required: [],
};

const structure = (name: string, members: Record<string, Shape>, required: readonly string[] = []): StructureShape => ({
  type: 'structure',
  name,
  members,
  required,
});

/** The input shape of every operation, keyed by operation name (the X-Amz-Target suffix). */
export const OPERATION_INPUTS = {
  CopyBackupToRegion: structure('CopyBackupToRegionRequest', { DestinationRegion: Region, BackupId, TagList }, [
    'DestinationRegion',
    'BackupId',
  ]),
  CreateCluster: structure(
    'CreateClusterRequest',
    { BackupRetentionPolicy, HsmType, SourceBackupId: BackupArn, SubnetIds, NetworkType, TagList, Mode: ClusterMode },
    ['HsmType', 'SubnetIds'],
  ),
  CreateHsm: structure('CreateHsmRequest', { ClusterId, AvailabilityZone: ExternalAz, IpAddress }, ['ClusterId', 'AvailabilityZone']),
  DeleteBackup: structure('DeleteBackupRequest', { BackupId }, ['BackupId']),
  DeleteCluster: structure('DeleteClusterRequest', { ClusterId }, ['ClusterId']),
  DeleteHsm: structure('DeleteHsmRequest', { ClusterId, HsmId, EniId, EniIp: IpAddress }, ['ClusterId']),
  DeleteResourcePolicy: structure('DeleteResourcePolicyRequest', { ResourceArn: CloudHsmArn }),
  DescribeBackups: structure('DescribeBackupsRequest', {
    NextToken,
    MaxResults: { type: 'integer', name: 'BackupsMaxSize', min: 1, max: 50 },
    Filters,
    Shared: Boolean,
    SortAscending: Boolean,
  }),
  DescribeClusters: structure('DescribeClustersRequest', {
    Filters,
    NextToken,
    MaxResults: { type: 'integer', name: 'ClustersMaxSize', min: 1, max: 25 },
  }),
  GetResourcePolicy: structure('GetResourcePolicyRequest', { ResourceArn: CloudHsmArn }),
  InitializeCluster: structure('InitializeClusterRequest', { ClusterId, SignedCert: Cert, TrustAnchor: Cert }, [
    'ClusterId',
    'SignedCert',
    'TrustAnchor',
  ]),
  ListTags: structure('ListTagsRequest', { ResourceId, NextToken, MaxResults: { type: 'integer', name: 'MaxSize', min: 1, max: 100 } }, [
    'ResourceId',
  ]),
  ModifyBackupAttributes: structure('ModifyBackupAttributesRequest', { BackupId, NeverExpires: Boolean }, ['BackupId', 'NeverExpires']),
  ModifyCluster: structure('ModifyClusterRequest', { HsmType, BackupRetentionPolicy, ClusterId }, ['ClusterId']),
  PutResourcePolicy: structure('PutResourcePolicyRequest', { ResourceArn: CloudHsmArn, Policy: ResourcePolicy }),
  RestoreBackup: structure('RestoreBackupRequest', { BackupId }, ['BackupId']),
  TagResource: structure('TagResourceRequest', { ResourceId, TagList }, ['ResourceId', 'TagList']),
  UntagResource: structure('UntagResourceRequest', { ResourceId, TagKeyList }, ['ResourceId', 'TagKeyList']),
} as const satisfies Record<OperationName, StructureShape>;

/** Filter keys each Describe operation understands (camelCase, exact). */
export const CLUSTER_FILTER_KEYS = ['clusterIds', 'vpcIds', 'states'] as const;
export const BACKUP_FILTER_KEYS = ['backupIds', 'sourceBackupIds', 'clusterIds', 'states', 'neverExpires'] as const;
