/**
 * A fake EC2 network per (account, region): the VPCs and subnets CreateCluster needs to map subnets to
 * AZs and a VPC. Seeded networks get stable ids (derived from account and region), so a reset gives the same
 * ids; subnet ids never seen before are registered on first use, so made-up ids from any client work.
 */
import { invalidRequest } from './errors';
import { newEc2Id } from './ids';
import { Store, type RegionState } from './store';
import type { SubnetRecord, VpcRecord } from './types';

const AZ_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
const SEEDED_AZ_COUNT = 3;

/** A stable 17-hex-digit EC2-style id from a seed string (FNV-1a, twice, for enough digits). */
function stableEc2Id(prefix: string, seed: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < seed.length; i++) {
    h1 = Math.imul(h1 ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ seed.charCodeAt(i), 0x811c9dc5) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).slice(0, 16);
  return `${prefix}-0${hex}`;
}

export const availabilityZones = (region: string): string[] => AZ_LETTERS.map((l) => `${region}${l}`);

/** Lays down two VPCs with one subnet in each of three AZs (a default VPC and a dedicated HSM VPC). */
export function seedNetwork(store: Store, state: RegionState): void {
  const azs = availabilityZones(state.region).slice(0, SEEDED_AZ_COUNT);
  const layouts = [
    { name: 'default', cidr: '172.31.0.0/16', subnet: (i: number) => `172.31.${i * 16}.0/20` },
    { name: 'hsm', cidr: '10.0.0.0/16', subnet: (i: number) => `10.0.${i + 1}.0/24` },
  ];
  for (const layout of layouts) {
    const vpc: VpcRecord = { VpcId: stableEc2Id('vpc', `${state.account}/${state.region}/${layout.name}`), CidrBlock: layout.cidr };
    store.putVpc(state, vpc);
    azs.forEach((az, i) => {
      store.putSubnet(state, {
        SubnetId: stableEc2Id('subnet', `${state.account}/${state.region}/${layout.name}/${az}`),
        VpcId: vpc.VpcId,
        AvailabilityZone: az,
        CidrBlock: layout.subnet(i),
      });
    });
  }
}

export interface SubnetPlan {
  vpc: VpcRecord;
  subnets: SubnetRecord[];
  /** Records to register if the request succeeds (unknown subnets and, perhaps, a new VPC). */
  newVpc: VpcRecord | null;
  newSubnets: SubnetRecord[];
}

/**
 * Works out where the subnets of a CreateCluster request live, without changing anything: the caller
 * registers `newVpc`/`newSubnets` only once the whole request has been accepted.
 */
export function planSubnets(state: RegionState, subnetIds: readonly string[]): SubnetPlan {
  const seen = new Set<string>();
  for (const id of subnetIds) {
    if (seen.has(id)) throw invalidRequest(`Subnet ${id} is listed more than once.`);
    seen.add(id);
  }
  const known = subnetIds.map((id) => state.subnets.get(id)).filter((s): s is SubnetRecord => s !== undefined);
  const vpcIds = new Set(known.map((s) => s.VpcId));
  if (vpcIds.size > 1) {
    throw invalidRequest(`All subnets must be in the same VPC; the subnets given are in ${[...vpcIds].sort().join(', ')}.`);
  }
  const usedAzs = new Map<string, string>();
  for (const subnet of known) {
    const other = usedAzs.get(subnet.AvailabilityZone);
    if (other) {
      throw invalidRequest(
        `Subnets ${other} and ${subnet.SubnetId} are both in ${subnet.AvailabilityZone}; a cluster can have at most one subnet per Availability Zone.`,
      );
    }
    usedAzs.set(subnet.AvailabilityZone, subnet.SubnetId);
  }
  const existingVpcId = [...vpcIds][0];
  const vpc: VpcRecord | undefined = existingVpcId ? state.vpcs.get(existingVpcId) : undefined;
  const newVpc: VpcRecord | null = vpc ? null : { VpcId: newEc2Id('vpc'), CidrBlock: `10.${100 + (state.vpcs.size % 150)}.0.0/16` };
  const targetVpc = vpc ?? newVpc!;
  const freeAzs = availabilityZones(state.region).filter((az) => !usedAzs.has(az));
  const cidrBase = targetVpc.CidrBlock.split('.').slice(0, 2).join('.');
  const takenThirdOctets = new Set(
    [...state.subnets.values()].filter((s) => s.VpcId === targetVpc.VpcId).map((s) => Number(s.CidrBlock.split('.')[2])),
  );
  let nextOctet = 200;
  const newSubnets: SubnetRecord[] = [];
  const subnets = subnetIds.map((id) => {
    const existing = state.subnets.get(id);
    if (existing) return existing;
    const az = freeAzs.shift();
    if (!az)
      throw invalidRequest(
        `There is no free Availability Zone left in ${state.region} for subnet ${id}; use at most one subnet per Availability Zone.`,
      );
    while (takenThirdOctets.has(nextOctet)) nextOctet++;
    takenThirdOctets.add(nextOctet);
    const record: SubnetRecord = { SubnetId: id, VpcId: targetVpc.VpcId, AvailabilityZone: az, CidrBlock: `${cidrBase}.${nextOctet}.0/24` };
    newSubnets.push(record);
    return record;
  });
  return { vpc: targetVpc, subnets, newVpc, newSubnets };
}

export function commitSubnetPlan(store: Store, state: RegionState, plan: SubnetPlan): void {
  if (plan.newVpc) store.putVpc(state, plan.newVpc);
  for (const subnet of plan.newSubnets) store.putSubnet(state, subnet);
}

/** IPv4 addresses of a /N subnet usable for ENIs (AWS reserves the first four and the last). */
export function usableAddresses(cidr: string): { first: number; last: number } {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const baseNumber = ipToNumber(base ?? '0.0.0.0');
  const size = 2 ** (32 - bits);
  return { first: baseNumber + 4, last: baseNumber + size - 2 };
}

export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}
export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
export function isValidIpv4(ip: string): boolean {
  return ip.split('.').every((part) => Number(part) <= 255);
}

/**
 * The VPCs and subnets of a region as EC2 would list them. A region the emulator has not used yet gets the
 * network it would be seeded with (the ids are stable), computed aside so that looking changes nothing.
 */
export function listNetwork(store: Store, account: string, region: string): { vpcs: VpcRecord[]; subnets: SubnetRecord[] } {
  let state = store.peekRegion(account, region);
  if (!state) {
    const scratch = new Store();
    scratch.onNewRegion = (fresh) => seedNetwork(scratch, fresh);
    state = scratch.region(account, region);
  }
  const byId = <T extends { VpcId: string }>(a: T, b: T) => a.VpcId.localeCompare(b.VpcId);
  return {
    vpcs: [...state.vpcs.values()].sort(byId),
    subnets: [...state.subnets.values()].sort(
      (a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone) || a.SubnetId.localeCompare(b.SubnetId),
    ),
  };
}
