/** Where the cluster lives: its region, then its VPC and subnets (SubnetPicker). */
import type { SessionInfo } from '../../../aws';
import { FormField, Options, Select } from '../../../ui';
import { CapacityNote } from './capacity/CapacityNote';
import { fieldError, type SectionProps } from './sections';
import { SubnetPicker } from './SubnetPicker';

/** The session's regions first (the ones the person looks at), then every other CloudHSM region. */
export function regionChoices(session: SessionInfo): string[] {
  return [...new Set([...session.regions, ...session.availableRegions])].filter((r) => session.availableRegions.includes(r));
}

export function RegionAndNetworkSection({ form, ids, disabled, announceError, session }: SectionProps & { session: SessionInfo }) {
  const { values, change, touch } = form;
  return (
    <>
      <FormField label="Region" controlId={ids.region} errorText={fieldError(form, 'region')} announceError={announceError}>
        <Select
          className="w-64"
          value={values.region}
          disabled={disabled}
          onChange={(e) => {
            // Subnets and backups belong to a region: another region starts those choices again.
            change({ region: e.target.value, vpcId: '', pickedSubnetIds: [], sourceBackupId: '' });
            touch('region');
          }}
        >
          <Options items={regionChoices(session)} />
        </Select>
      </FormField>
      <CapacityNote region={values.region} adding="cluster" />
      <SubnetPicker form={form} ids={ids} disabled={disabled} announceError={announceError} />
    </>
  );
}
