/**
 * Where the drill cluster goes: a VPC of the backup's region and one subnet per Availability Zone (from the
 * network listing, as the create form offers them), or typed subnet ids when the network cannot be listed;
 * then the zone of its one HSM. The proposal is chooseDrillSubnets'; the person may change it.
 */
import type { NetworkInfo, NetworkSubnet } from '../../../aws/actions';
import { Alert, FormField, Input, Options, Select, Skeleton } from '../../../ui';
import { subnetsByZone } from '../../clusters/create/SubnetPicker';

export interface DrillNetwork {
  vpcId: string;
  subnetIds: readonly string[];
}

export interface DrillNetworkFieldsProps {
  region: string;
  network: { data: NetworkInfo | undefined; isPending: boolean; error: { info: { message: string } } | null };
  value: DrillNetwork;
  onChange: (next: DrillNetwork) => void;
  /** Typed ids, used when the network cannot be listed. */
  typed: string;
  onTyped: (text: string) => void;
  zone: string;
  onZone: (zone: string) => void;
  /** The zones the chosen subnets are in (for the HSM). */
  zones: readonly string[];
  disabled: boolean;
}

const subnetLabel = (s: NetworkSubnet): string =>
  [s.SubnetId, s.CidrBlock ?? null, s.Name ? `“${s.Name}”` : null].filter(Boolean).join(' · ');

export function DrillNetworkFields(props: DrillNetworkFieldsProps) {
  const { region, network, value, onChange, typed, onTyped, zone, onZone, zones, disabled } = props;
  const info = network.data?.available ? network.data : undefined;
  if (network.isPending) {
    return (
      <div aria-busy="true" className="mb-3">
        <p role="status" className="text-sm">
          Loading the VPCs and subnets of {region}…
        </p>
        <Skeleton className="h-7 w-full" />
      </div>
    );
  }
  const byZone = info ? subnetsByZone(info.subnets, value.vpcId) : [];
  const pick = (zoneSubnets: readonly NetworkSubnet[], subnetId: string) => {
    const inZone = new Set(zoneSubnets.map((s) => s.SubnetId));
    const others = value.subnetIds.filter((id) => !inZone.has(id));
    onChange({ vpcId: value.vpcId, subnetIds: subnetId === '' ? others : [...others, subnetId] });
  };
  return (
    <div className="mb-3 flex flex-col gap-3">
      {!info && (
        <Alert type="warning" data-testid="drill-network-unavailable">
          The VPCs of {region} could not be listed
          {network.error ? ` (${network.error.info.message})` : network.data && !network.data.available ? `: ${network.data.reason}` : ''}.
          Type the subnet IDs instead.
        </Alert>
      )}
      {info ? (
        <>
          <FormField label="VPC">
            <Select value={value.vpcId} disabled={disabled} onChange={(e) => onChange({ vpcId: e.target.value, subnetIds: [] })}>
              <Options
                items={info.vpcs}
                value={(v) => v.VpcId}
                label={(v) => [v.VpcId, v.Name ? `“${v.Name}”` : null, v.CidrBlock ?? null].filter(Boolean).join(' · ')}
              />
            </Select>
          </FormField>
          <fieldset className="flex flex-col gap-2" disabled={disabled}>
            <legend className="mb-1 text-sm font-medium">Subnets, at most one per Availability Zone</legend>
            {byZone.map(([az, zoneSubnets]) => (
              <div key={az} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <label htmlFor={`drill-subnet-${az}`} className="w-36 text-sm">
                  Subnet in {az}
                </label>
                <Select
                  id={`drill-subnet-${az}`}
                  className="min-w-0 font-mono"
                  value={zoneSubnets.find((s) => value.subnetIds.includes(s.SubnetId))?.SubnetId ?? ''}
                  onChange={(e) => pick(zoneSubnets, e.target.value)}
                >
                  <option value="">None</option>
                  <Options items={zoneSubnets} value={(s) => s.SubnetId} label={subnetLabel} />
                </Select>
              </div>
            ))}
          </fieldset>
        </>
      ) : (
        <FormField label="Subnet IDs" constraintText="Separated by spaces or commas; all in one VPC, at most one per Availability Zone.">
          <Input
            className="w-full font-mono"
            value={typed}
            disabled={disabled}
            onChange={(e) => onTyped(e.target.value)}
            spellCheck={false}
          />
        </FormField>
      )}
      {info && (
        <FormField label="Availability Zone of the HSM" constraintText="The drill adds one HSM, in this zone's subnet.">
          <Select value={zone} disabled={disabled || zones.length === 0} onChange={(e) => onZone(e.target.value)}>
            <Options items={zones} />
          </Select>
        </FormField>
      )}
    </div>
  );
}
