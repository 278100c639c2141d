/**
 * Where the cluster's HSMs live: a VPC of the region, then at most one subnet per Availability Zone of that
 * VPC (one select per AZ, so two subnets in one AZ cannot even be chosen). When the server cannot list the
 * network (EC2 denied in AWS mode, or the lookup failed), subnet ids are typed instead.
 */
import { useMemo } from 'react';
import type { NetworkSubnet, NetworkVpc } from '../../../aws/actions';
import { Alert, buttonClass, FormField, Options, RadioGroupField, Select, Skeleton, Textarea } from '../../../ui';
import { describedByIds, FieldMessages } from '../../../ui/FormField';
import type { SubnetSource } from './formValues';
import { fieldError, type SectionProps } from './sections';

function vpcLabel(vpc: NetworkVpc): string {
  return [vpc.VpcId, vpc.Name ? `“${vpc.Name}”` : null, vpc.CidrBlock ?? null, vpc.IsDefault ? 'default VPC' : null]
    .filter(Boolean)
    .join(' · ');
}

const subnetLabel = (subnet: NetworkSubnet): string =>
  [subnet.SubnetId, subnet.CidrBlock ?? null, subnet.Name ? `“${subnet.Name}”` : null].filter(Boolean).join(' · ');

/** The VPC's subnets grouped by AZ, AZs sorted. */
export function subnetsByZone(subnets: readonly NetworkSubnet[], vpcId: string): [string, NetworkSubnet[]][] {
  const zones = new Map<string, NetworkSubnet[]>();
  for (const subnet of subnets) {
    if (subnet.VpcId !== vpcId) continue;
    zones.set(subnet.AvailabilityZone, [...(zones.get(subnet.AvailabilityZone) ?? []), subnet]);
  }
  return [...zones.entries()].sort(([a], [b]) => a.localeCompare(b));
}

const TYPED_HELP =
  'One to ten subnet IDs, separated by spaces, commas or new lines. They must all be in one VPC, at most one per Availability Zone; AWS checks that when the cluster is created.';
const PICKED_HELP = 'Choose subnets in two or more Availability Zones so the cluster’s HSMs can be spread over them.';

/** One select per AZ of the VPC (the first one carries the field's id, so the error summary can focus it). */
function ZoneSubnets({
  form,
  ids,
  zones,
  describedBy,
}: Pick<SectionProps, 'form' | 'ids'> & { zones: [string, NetworkSubnet[]][]; describedBy: string | undefined }) {
  const { values, change, touch } = form;
  const pickInZone = (zoneSubnets: readonly NetworkSubnet[], subnetId: string) => {
    const inZone = new Set(zoneSubnets.map((s) => s.SubnetId));
    const others = values.pickedSubnetIds.filter((id) => !inZone.has(id));
    change({ pickedSubnetIds: subnetId === '' ? others : [...others, subnetId] });
    touch('subnets');
  };
  const pickEveryZone = () => {
    change({ pickedSubnetIds: zones.map(([, subnets]) => subnets[0]?.SubnetId ?? '').filter((id) => id !== '') });
    touch('subnets');
  };
  const invalid = Boolean(form.shown('subnets'));
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy} data-testid="subnet-zones">
      <legend className="mb-1 text-sm font-medium">Subnets, at most one per Availability Zone</legend>
      {zones.length === 0 && <p className="text-sm">This VPC has no subnets.</p>}
      {zones.map(([zone, zoneSubnets], index) => {
        const id = index === 0 ? ids.subnets : `${ids.subnets}-${zone}`;
        const picked = zoneSubnets.find((s) => values.pickedSubnetIds.includes(s.SubnetId))?.SubnetId ?? '';
        return (
          <div key={zone} className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <label htmlFor={id} className="w-40 text-sm">
              Subnet in {zone}
            </label>
            <Select
              id={id}
              className="font-mono"
              value={picked}
              onChange={(e) => pickInZone(zoneSubnets, e.target.value)}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
            >
              <option value="">None</option>
              <Options items={zoneSubnets} value={(s) => s.SubnetId ?? ''} label={subnetLabel} />
            </Select>
          </div>
        );
      })}
      {zones.length > 0 && (
        <div>
          <button type="button" className={buttonClass.link} onClick={pickEveryZone}>
            Use a subnet in every Availability Zone
          </button>
        </div>
      )}
    </fieldset>
  );
}

/** Why the network cannot be listed (then the ids are typed), or its shape while it loads. */
function NetworkStatus({ form }: Pick<SectionProps, 'form'>) {
  const { network, values } = form;
  const info = network.data;
  if (network.isPending) {
    return (
      <div aria-busy="true" className="flex flex-col gap-2">
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          Loading the VPCs and subnets of {values.region}…
        </p>
        <Skeleton className="h-7 w-full max-w-md" />
      </div>
    );
  }
  if (network.error) {
    return (
      <Alert type="warning" data-testid="network-unavailable">
        The VPCs of {values.region} could not be listed ({network.error.info.message}). Type the subnet IDs instead.
      </Alert>
    );
  }
  if (info && !info.available) {
    return (
      <Alert type="warning" data-testid="network-unavailable">
        The VPCs of {values.region} cannot be listed: {info.reason} Type the subnet IDs instead.
      </Alert>
    );
  }
  return null;
}

export function SubnetPicker({ form, ids, disabled, announceError }: SectionProps) {
  const { values, source, network, change, touch, validation } = form;
  const info = network.data?.available ? network.data : undefined;
  const zones = useMemo(() => (info ? subnetsByZone(info.subnets, values.vpcId) : []), [info, values.vpcId]);
  const subnetError = fieldError(form, 'subnets');
  // Not errors: the request may be sent (one AZ only is allowed, but not highly available).
  const warning = validation.warnings.length > 0 ? <span data-testid="subnet-warning">{validation.warnings.join(' ')}</span> : undefined;
  const help = source === 'typed' ? TYPED_HELP : PICKED_HELP;
  const messages = { errorText: subnetError, warningText: warning, constraintText: help };

  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded border border-slate-300 p-3 dark:border-slate-700" disabled={disabled}>
      <legend className="px-1 text-sm font-medium">Network</legend>
      <NetworkStatus form={form} />
      {info && (
        <RadioGroupField<SubnetSource>
          label="How to choose subnets"
          horizontal
          value={values.subnetSource}
          onChange={(subnetSource) => change({ subnetSource })}
          options={[
            { value: 'picker', label: `Choose from the VPCs of ${values.region}` },
            { value: 'typed', label: 'Type subnet IDs' },
          ]}
        />
      )}
      {source === 'picker' && info && (
        <>
          <FormField label="VPC" controlId={ids.vpc} errorText={fieldError(form, 'vpc')} announceError={announceError}>
            <Select
              value={values.vpcId}
              onChange={(e) => {
                // Subnets belong to one VPC: a new VPC starts a new choice.
                change({ vpcId: e.target.value, pickedSubnetIds: [] });
                touch('vpc');
              }}
            >
              <option value="">Choose a VPC…</option>
              <Options items={info.vpcs} value={(vpc) => vpc.VpcId ?? ''} label={vpcLabel} />
            </Select>
          </FormField>
          {values.vpcId !== '' && <ZoneSubnets form={form} ids={ids} zones={zones} describedBy={describedByIds(ids.subnets, messages)} />}
        </>
      )}
      {source === 'picker' && <FieldMessages id={ids.subnets} {...messages} announceError={announceError} />}
      {source === 'typed' && (
        <FormField label="Subnet IDs" controlId={ids.subnets} {...messages} announceError={announceError}>
          <Textarea
            className="font-mono"
            rows={3}
            value={values.typedSubnetIds}
            onChange={(e) => change({ typedSubnetIds: e.target.value })}
            onBlur={() => touch('subnets')}
            spellCheck={false}
            autoComplete="off"
            placeholder="subnet-0123456789abcdef0 subnet-0fedcba9876543210"
          />
        </FormField>
      )}
    </fieldset>
  );
}
