/**
 * The API's input constraints for client-side validation: the domain's constraint table (src/cloudhsm), which
 * the emulator enforces and a conformance test keeps equal to the service model in botocore. One source, so
 * the forms refuse exactly what the service would refuse.
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
} from '../cloudhsm/constraints';
export { RETENTION_DAYS, RETIRED_HSM_TYPES, SUPPORTED_HSM_TYPES } from '../cloudhsm/rules';
