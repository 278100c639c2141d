/**
 * The API's input constraints for client-side validation: the emulator's constraint table, which a
 * conformance test keeps equal to the service model in botocore. One source, so the forms refuse exactly
 * what the service would refuse. (A plain data module: nothing of the emulator's runtime comes along.)
 */
export {
  BackupRetentionValue,
  Cert,
  ClusterId,
  ClusterMode,
  HsmType,
  IpAddress,
  NetworkType,
  SubnetId,
  SubnetIds,
  TagKey,
  TagKeyList,
  TagList,
  TagValue,
  type StringShape,
  type ListShape,
} from '../emulator/model/shapes';
export { RETENTION_DAYS, RETIRED_HSM_TYPES, SUPPORTED_HSM_TYPES } from '../emulator/model/serviceRules';
