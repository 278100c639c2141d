/** What the HSMs are: their type, the mode they run in and their network type (each fixed once created). */
import type { ClusterMode, NetworkType } from '../../../aws';
import { RadioGroupField } from '../../../ui';
import { CLUSTER_MODES, CURRENT_HSM_TYPE, HSM_TYPE_OPTIONS, modeAllowedFor, NETWORK_TYPES } from './hsmTypes';
import { fieldError, type SectionProps } from './sections';

const code = (value: string) => <span className="font-mono">{value}</span>;

export function HardwareSection({ form, ids, disabled, announceError }: SectionProps) {
  const { values, change, touch } = form;
  return (
    <>
      {/* The wrappers carry the field ids: a failed submit or the error summary focuses the chosen radio inside. */}
      <div id={ids.hsmType}>
        <RadioGroupField
          label="HSM type"
          name="hsm-type"
          value={values.hsmType}
          onChange={(hsmType) => {
            change({ hsmType });
            touch('hsmType');
          }}
          options={HSM_TYPE_OPTIONS.map((option) => ({
            value: option.value,
            label: code(option.value),
            disabled: disabled || !option.offered,
            disabledReason: option.offered ? null : (option.reason ?? null),
          }))}
          errorText={fieldError(form, 'hsmType')}
          announceError={announceError}
        />
      </div>
      <div id={ids.mode}>
        <RadioGroupField<ClusterMode>
          label="Mode"
          name="mode"
          horizontal
          value={values.mode}
          onChange={(mode) => {
            change({ mode });
            touch('mode');
          }}
          options={CLUSTER_MODES.map((mode) => ({
            value: mode,
            label: code(mode),
            disabled,
            disabledReason: modeAllowedFor(mode, values.hsmType) ? null : `${mode} needs ${CURRENT_HSM_TYPE}.`,
          }))}
          constraintText={`FIPS: the HSMs run in FIPS 140-3 approved mode. NON_FIPS (${CURRENT_HSM_TYPE} only) also allows algorithms FIPS does not approve. The mode cannot be changed after the cluster is created.`}
          errorText={fieldError(form, 'mode')}
          announceError={announceError}
        />
      </div>
      <div id={ids.networkType}>
        <RadioGroupField<NetworkType>
          label="Network type"
          name="network-type"
          horizontal
          value={values.networkType}
          onChange={(networkType) => {
            change({ networkType });
            touch('networkType');
          }}
          options={NETWORK_TYPES.map((networkType) => ({ value: networkType, label: code(networkType), disabled }))}
          constraintText="IPV4: HSMs get IPv4 addresses. DUALSTACK: IPv4 and IPv6 (the subnets need IPv6 ranges). The network type cannot be changed after the cluster is created."
          errorText={fieldError(form, 'networkType')}
          announceError={announceError}
        />
      </div>
    </>
  );
}
