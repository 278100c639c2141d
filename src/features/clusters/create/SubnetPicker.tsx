/**
 * Where the cluster's HSMs live: a VPC of the region, then at most one subnet per Availability Zone of that
 * VPC (one select per AZ, so two subnets in one AZ cannot even be chosen). When the server cannot list the
 * network (EC2 denied in AWS mode, or the lookup failed), subnet ids are typed instead.
 */
import { useMemo } from 'react';
import type { AwsRequestError } from '../../../aws';
import type { NetworkInfo, NetworkSubnet, NetworkVpc } from '../../../aws/actions';
import { buttonClass, inputClass } from '../../../ui/buttons';
import type { CreateClusterFormValues, SubnetSource } from './formValues';

export interface SubnetPickerProps {
  values: CreateClusterFormValues;
  /** The source in force: the picker needs the network, so without it this is 'typed'. */
  source: SubnetSource;
  network: { data?: NetworkInfo; isPending: boolean; error: AwsRequestError | null };
  onChange: (changes: Partial<CreateClusterFormValues>) => void;
  onTouch: (field: 'vpc' | 'subnets') => void;
  ids: { vpc: string; subnets: string; vpcError: string; subnetsError: string; help: string };
  errors: { vpc?: string; subnets?: string };
  disabled: boolean;
}

function vpcLabel(vpc: NetworkVpc): string {
  return [vpc.VpcId, vpc.Name ? `“${vpc.Name}”` : null, vpc.CidrBlock ?? null, vpc.IsDefault ? 'default VPC' : null].filter(Boolean).join(' · ');
}

const subnetLabel = (subnet: NetworkSubnet): string => [subnet.SubnetId, subnet.CidrBlock ?? null, subnet.Name ? `“${subnet.Name}”` : null].filter(Boolean).join(' · ');

/** The VPC's subnets grouped by AZ, AZs sorted. */
export function subnetsByZone(subnets: readonly NetworkSubnet[], vpcId: string): [string, NetworkSubnet[]][] {
  const zones = new Map<string, NetworkSubnet[]>();
  for (const subnet of subnets) {
    if (subnet.VpcId !== vpcId) continue;
    zones.set(subnet.AvailabilityZone, [...(zones.get(subnet.AvailabilityZone) ?? []), subnet]);
  }
  return [...zones.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function SubnetPicker({ values, source, network, onChange, onTouch, ids, errors, disabled }: SubnetPickerProps) {
  const info = network.data;
  const available = info?.available === true;
  const zones = useMemo(() => (info?.available ? subnetsByZone(info.subnets, values.vpcId) : []), [info, values.vpcId]);

  const pickInZone = (zoneSubnets: readonly NetworkSubnet[], subnetId: string) => {
    const inZone = new Set(zoneSubnets.map((s) => s.SubnetId));
    const others = values.pickedSubnetIds.filter((id) => !inZone.has(id));
    onChange({ pickedSubnetIds: subnetId === '' ? others : [...others, subnetId] });
    onTouch('subnets');
  };
  const pickEveryZone = () => {
    onChange({ pickedSubnetIds: zones.map(([, subnets]) => subnets[0]?.SubnetId ?? '').filter((id) => id !== '') });
    onTouch('subnets');
  };

  const describe = (error: string | undefined, errorId: string) => (error ? `${errorId} ${ids.help}` : ids.help);

  return (
    <fieldset className="flex flex-col gap-3 rounded border border-slate-300 p-3 dark:border-slate-700" disabled={disabled}>
      <legend className="px-1 text-sm font-medium">Network</legend>
      {network.isPending && <p aria-live="polite">Loading the VPCs and subnets of {values.region}…</p>}
      {network.error && (
        <p className="text-sm text-amber-900 dark:text-amber-200" data-testid="network-unavailable">
          The VPCs of {values.region} could not be listed ({network.error.info.message}). Type the subnet IDs instead.
        </p>
      )}
      {info && !info.available && (
        <p className="text-sm text-amber-900 dark:text-amber-200" data-testid="network-unavailable">
          The VPCs of {values.region} cannot be listed: {info.reason} Type the subnet IDs instead.
        </p>
      )}
      {available && (
        <div role="radiogroup" aria-label="How to choose subnets" className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-1">
            <input type="radio" name="subnet-source" checked={values.subnetSource === 'picker'} onChange={() => onChange({ subnetSource: 'picker' })} />
            Choose from the VPCs of {values.region}
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="subnet-source" checked={values.subnetSource === 'typed'} onChange={() => onChange({ subnetSource: 'typed' })} />
            Type subnet IDs
          </label>
        </div>
      )}

      {source === 'picker' && info?.available && (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.vpc} className="text-sm font-medium">
              VPC
            </label>
            <select
              id={ids.vpc}
              className={inputClass}
              value={values.vpcId}
              onChange={(e) => {
                // Subnets belong to one VPC: a new VPC starts a new choice.
                onChange({ vpcId: e.target.value, pickedSubnetIds: [] });
                onTouch('vpc');
              }}
              aria-invalid={errors.vpc ? true : undefined}
              aria-describedby={errors.vpc ? ids.vpcError : undefined}
            >
              <option value="">Choose a VPC…</option>
              {info.vpcs.map((vpc) => (
                <option key={vpc.VpcId} value={vpc.VpcId}>
                  {vpcLabel(vpc)}
                </option>
              ))}
            </select>
            {errors.vpc && (
              <p id={ids.vpcError} className="text-sm text-red-700 dark:text-red-300" data-testid="field-error-vpc">
                {errors.vpc}
              </p>
            )}
          </div>
          {values.vpcId !== '' && (
            <fieldset className="flex flex-col gap-2" aria-describedby={describe(errors.subnets, ids.subnetsError)} data-testid="subnet-zones">
              <legend className="text-sm font-medium">Subnets, at most one per Availability Zone</legend>
              {zones.length === 0 && <p className="text-sm">This VPC has no subnets.</p>}
              {zones.map(([zone, zoneSubnets], index) => {
                const picked = zoneSubnets.find((s) => values.pickedSubnetIds.includes(s.SubnetId))?.SubnetId ?? '';
                return (
                  <div key={zone} className="flex flex-wrap items-center gap-2">
                    <label htmlFor={index === 0 ? ids.subnets : `${ids.subnets}-${zone}`} className="w-40 text-sm">
                      Subnet in {zone}
                    </label>
                    <select
                      id={index === 0 ? ids.subnets : `${ids.subnets}-${zone}`}
                      className={`${inputClass} font-mono`}
                      value={picked}
                      onChange={(e) => pickInZone(zoneSubnets, e.target.value)}
                      aria-invalid={errors.subnets ? true : undefined}
                      aria-describedby={describe(errors.subnets, ids.subnetsError)}
                    >
                      <option value="">None</option>
                      {zoneSubnets.map((s) => (
                        <option key={s.SubnetId} value={s.SubnetId}>
                          {subnetLabel(s)}
                        </option>
                      ))}
                    </select>
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
          )}
        </>
      )}

      {source === 'typed' && (
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.subnets} className="text-sm font-medium">
            Subnet IDs
          </label>
          <textarea
            id={ids.subnets}
            className={`${inputClass} font-mono`}
            rows={3}
            value={values.typedSubnetIds}
            onChange={(e) => onChange({ typedSubnetIds: e.target.value })}
            onBlur={() => onTouch('subnets')}
            spellCheck={false}
            autoComplete="off"
            placeholder="subnet-0123456789abcdef0 subnet-0fedcba9876543210"
            aria-invalid={errors.subnets ? true : undefined}
            aria-describedby={describe(errors.subnets, ids.subnetsError)}
          />
        </div>
      )}
      <p id={ids.help} className="text-xs text-slate-600 dark:text-slate-400">
        {source === 'typed'
          ? 'One to ten subnet IDs, separated by spaces, commas or new lines. They must all be in one VPC, at most one per Availability Zone; AWS checks that when the cluster is created.'
          : 'Choose subnets in two or more Availability Zones so the cluster’s HSMs can be spread over them.'}
      </p>
      {errors.subnets && (
        <p id={ids.subnetsError} className="text-sm text-red-700 dark:text-red-300" data-testid="field-error-subnets">
          {errors.subnets}
        </p>
      )}
    </fieldset>
  );
}
