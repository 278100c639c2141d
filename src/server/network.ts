/**
 * `GET /api/network?region=<region>`: the VPCs and subnets a cluster can be created in. Emulator mode reads
 * the emulator's fake network; AWS mode calls EC2 DescribeVpcs/DescribeSubnets with the server's credentials.
 * When EC2 cannot be asked (denied, unreachable) the answer says why and the form asks for subnet ids.
 */
import type { NetworkInfo, NetworkSubnet } from '../cloudhsm/api';

export type { NetworkInfo, NetworkSubnet, NetworkVpc } from '../cloudhsm/api';

/** A region's network as the emulator has it (EC2-like records; the default VPC is the 172.31.0.0/16 one, as in AWS). */
export function emulatorNetwork(region: string, listed: { vpcs: { VpcId: string; CidrBlock: string }[]; subnets: NetworkSubnet[] }): NetworkInfo {
  return {
    available: true,
    region,
    vpcs: listed.vpcs.map((vpc) => ({ VpcId: vpc.VpcId, CidrBlock: vpc.CidrBlock, IsDefault: vpc.CidrBlock === '172.31.0.0/16' })),
    subnets: listed.subnets.map(({ SubnetId, VpcId, AvailabilityZone, CidrBlock }) => ({ SubnetId, VpcId, AvailabilityZone, CidrBlock })),
  };
}
