/** What the HSMs are: their type, the mode they run in and their network type (each fixed once created). */
import { CLUSTER_MODES, CURRENT_HSM_TYPE, HSM_TYPE_OPTIONS, modeAllowedFor, NETWORK_TYPES } from './hsmTypes';
import { FormRadioField, type SectionProps } from './sections';

const code = (value: string) => <span className="font-mono">{value}</span>;

export function HardwareSection(section: SectionProps) {
  const { form, disabled } = section;
  const { values } = form;
  return (
    <>
      <FormRadioField
        section={section}
        field="hsmType"
        label="HSM type"
        name="hsm-type"
        options={HSM_TYPE_OPTIONS.map((option) => ({
          value: option.value,
          label: code(option.value),
          disabled: disabled || !option.offered,
          disabledReason: option.offered ? null : (option.reason ?? null),
        }))}
      />
      <FormRadioField
        section={section}
        field="mode"
        label="Mode"
        name="mode"
        horizontal
        options={CLUSTER_MODES.map((mode) => ({
          value: mode,
          label: code(mode),
          disabled,
          disabledReason: modeAllowedFor(mode, values.hsmType) ? null : `${mode} needs ${CURRENT_HSM_TYPE}.`,
        }))}
        constraintText={`FIPS: the HSMs run in FIPS 140-3 approved mode. NON_FIPS (${CURRENT_HSM_TYPE} only) also allows algorithms FIPS does not approve. The mode cannot be changed after the cluster is created.`}
      />
      <FormRadioField
        section={section}
        field="networkType"
        label="Network type"
        name="network-type"
        horizontal
        options={NETWORK_TYPES.map((networkType) => ({ value: networkType, label: code(networkType), disabled }))}
        constraintText="IPV4: HSMs get IPv4 addresses. DUALSTACK: IPv4 and IPv6 (the subnets need IPv6 ranges). The network type cannot be changed after the cluster is created."
      />
    </>
  );
}
