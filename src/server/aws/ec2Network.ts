/**
 * AWS mode's subnet picker data: EC2 DescribeVpcs and DescribeSubnets (paginated with the SDK's paginators)
 * with the server's credentials. Any refusal (typically UnauthorizedOperation: the role lacks
 * ec2:DescribeSubnets) becomes `available: false` with the reason, and the form asks for typed subnet ids.
 */
import { EC2Client, paginateDescribeSubnets, paginateDescribeVpcs } from '@aws-sdk/client-ec2';
import type { CredentialSource } from './credentials';
import type { NetworkInfo, NetworkSubnet, NetworkVpc } from '../../cloudhsm/api';
import { nameTagOf as nameOf } from '../../cloudhsm/names';
import { redact } from '../security/redact';

export interface Ec2NetworkOptions {
  credentials: CredentialSource;
  timeoutMs: number;
  /** Set when CloudHSM calls go to --endpoint-url: EC2 is not there, so nothing is listed. */
  endpointUrl?: string;
  log: (line: string) => void;
  /** Where EC2 is asked (tests point this at a fake); default: EC2's regional endpoint. */
  ec2Endpoint?: string;
}

export async function describeEc2Network(region: string, options: Ec2NetworkOptions): Promise<NetworkInfo> {
  if (options.endpointUrl) {
    return {
      available: false,
      region,
      reason: `CloudHSM calls go to ${options.endpointUrl} (--endpoint-url), where EC2 cannot be asked: type the subnet ids.`,
    };
  }
  const client = new EC2Client({
    region,
    credentials: () => options.credentials.get(),
    maxAttempts: 2,
    ...(options.ec2Endpoint ? { endpoint: options.ec2Endpoint } : {}),
  });
  const abortSignal = AbortSignal.timeout(options.timeoutMs);
  try {
    const vpcs: NetworkVpc[] = [];
    for await (const page of paginateDescribeVpcs({ client, pageSize: 1000 }, {}, { abortSignal })) {
      for (const vpc of page.Vpcs ?? []) {
        if (!vpc.VpcId) continue;
        const entry: NetworkVpc = { VpcId: vpc.VpcId, IsDefault: vpc.IsDefault ?? false };
        if (vpc.CidrBlock) entry.CidrBlock = vpc.CidrBlock;
        const name = nameOf(vpc.Tags);
        if (name) entry.Name = name;
        vpcs.push(entry);
      }
    }
    const subnets: NetworkSubnet[] = [];
    for await (const page of paginateDescribeSubnets({ client, pageSize: 1000 }, {}, { abortSignal })) {
      for (const subnet of page.Subnets ?? []) {
        if (!subnet.SubnetId || !subnet.VpcId || !subnet.AvailabilityZone) continue;
        const entry: NetworkSubnet = { SubnetId: subnet.SubnetId, VpcId: subnet.VpcId, AvailabilityZone: subnet.AvailabilityZone };
        if (subnet.CidrBlock) entry.CidrBlock = subnet.CidrBlock;
        const name = nameOf(subnet.Tags);
        if (name) entry.Name = name;
        subnets.push(entry);
      }
    }
    subnets.sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone) || a.SubnetId.localeCompare(b.SubnetId));
    return { available: true, region, vpcs, subnets };
  } catch (error) {
    const code = error instanceof Error ? error.name : 'Error';
    const message = redact(error instanceof Error ? error.message : String(error));
    options.log(`EC2 network lookup in ${region} failed: ${code}: ${message}`);
    return {
      available: false,
      region,
      reason: `EC2 could not list the VPCs and subnets of ${region} (${code}: ${message}). Type the subnet ids instead.`,
    };
  } finally {
    client.destroy();
  }
}
