/**
 * "Add HSM": CreateHsm in one of the cluster's Availability Zones (the keys of its subnet mapping), with an
 * optional IP address checked against the subnet's range when the region's network is known. Off, with the
 * reason, when the cluster's state does not allow another HSM (one HSM until the cluster is active).
 */
import { useState, type FormEvent } from 'react';
import { useCreateHsmMutation, useNetworkQuery } from '../../../../aws/actions';
import { Alert, Button, FormField, Input, Options, Select } from '../../../../ui';
import { ActionError, Dialog, DialogActions } from '../../../../ui/actions';
import { addHsmRule, checkHsmIpAddress, type ZoneChoice } from '../actions/clusterActionRules';
import { ClusterDialogButton, type ClusterActionProps, type ClusterDialogProps } from '../actions/ClusterDialogButton';
import { CapacityNote } from '../../create/capacity/CapacityNote';
import { HsmCreatedNotice } from './hsmNotices';
import { useRefreshCluster } from '../useRefreshCluster';

export function AddHsmButton(props: ClusterActionProps) {
  const mutation = useCreateHsmMutation(props.region, props.account);
  return (
    <ClusterDialogButton
      {...props}
      mutation={mutation}
      dialog={AddHsmDialog}
      variant="secondary"
      disabledReason={addHsmRule(props.cluster).reason}
      pendingLabel="Adding HSM…"
      data-testid="add-hsm"
    >
      Add HSM
    </ClusterDialogButton>
  );
}

type AddHsmDialogProps = ClusterDialogProps<ReturnType<typeof useCreateHsmMutation>>;

const zoneLabel = (z: ZoneChoice): string =>
  `${z.availabilityZone} — ${z.subnetId}${z.hsmCount > 0 ? ` (${z.hsmCount} HSM${z.hsmCount === 1 ? '' : 's'} already)` : ''}`;

/** The form's two fields: where the HSM goes, and the address it may ask for. */
function HsmPlacementFields(props: {
  zones: readonly ZoneChoice[];
  zone: string;
  onZone: (zone: string) => void;
  ip: string;
  onIp: (ip: string) => void;
  onIpBlur: () => void;
  ipProblem: string | null;
  cidr: string | undefined;
  disabled: boolean;
}) {
  const { zones, zone, onZone, ip, onIp, onIpBlur, ipProblem, cidr, disabled } = props;
  return (
    <>
      <FormField label="Availability Zone" constraintText={cidr ? `Subnet range ${cidr}` : undefined}>
        <Select value={zone} onChange={(e) => onZone(e.target.value)} disabled={disabled}>
          <Options items={zones} value={(z) => z.availabilityZone} label={zoneLabel} />
        </Select>
      </FormField>
      <FormField
        label="IP address (optional)"
        constraintText={`Leave empty to let AWS pick a free address in the subnet${cidr ? ` (${cidr})` : ''}.`}
        errorText={ipProblem ? <span data-testid="ip-error">{ipProblem}</span> : undefined}
      >
        <Input
          className="w-full font-mono"
          value={ip}
          onChange={(e) => onIp(e.target.value)}
          onBlur={onIpBlur}
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
        />
      </FormField>
    </>
  );
}

function AddHsmDialog({ cluster, region, account, mutation, onClose, onNotice }: AddHsmDialogProps) {
  const rule = addHsmRule(cluster);
  // GET /api/network lists the base account's subnets only: another account's cluster gets no range check.
  const network = useNetworkQuery(account ? undefined : region);
  // The least used AZ first: spreading HSMs over AZs is what makes a cluster highly available.
  const suggested = [...rule.zones].sort((a, b) => a.hsmCount - b.hsmCount)[0]?.availabilityZone ?? '';
  const [zone, setZone] = useState(suggested);
  const [ip, setIp] = useState('');
  const [ipTouched, setIpTouched] = useState(false);

  const chosen = rule.zones.find((z) => z.availabilityZone === zone);
  const subnet = network.data?.available ? network.data.subnets.find((s) => s.SubnetId === chosen?.subnetId) : undefined;
  const ipProblem = checkHsmIpAddress(ip, subnet?.CidrBlock);
  const firstHsm = (cluster.State === 'UNINITIALIZED' || cluster.State === 'INITIALIZED') && (cluster.Hsms ?? []).length === 0;
  const clusterId = cluster.ClusterId ?? '';
  const refresh = useRefreshCluster(region, clusterId, account);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIpTouched(true);
    if (mutation.isPending || rule.reason || !chosen || ipProblem) return;
    const IpAddress = ip.trim();
    mutation.mutate(
      { ClusterId: clusterId, AvailabilityZone: chosen.availabilityZone, ...(IpAddress ? { IpAddress } : {}) },
      {
        onError: refresh,
        onSuccess: (hsm) => {
          onClose();
          onNotice(
            <HsmCreatedNotice
              region={region}
              account={account}
              clusterId={clusterId}
              hsmId={hsm?.HsmId ?? ''}
              zone={chosen.availabilityZone}
            />,
          );
        },
      },
    );
  };

  return (
    <Dialog
      open
      onOpenChange={(next) => (next ? undefined : onClose())}
      busy={mutation.isPending}
      title="Add HSM"
      description={
        <>
          Creates an HSM in cluster <span className="font-mono">{clusterId}</span>, in the subnet of the Availability Zone you choose.
        </>
      }
      testId="add-hsm-dialog"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <HsmPlacementFields
          zones={rule.zones}
          zone={zone}
          onZone={setZone}
          ip={ip}
          onIp={setIp}
          onIpBlur={() => setIpTouched(true)}
          ipProblem={ipTouched ? ipProblem : null}
          cidr={subnet?.CidrBlock}
          disabled={mutation.isPending}
        />
        <CapacityNote region={region} account={account} adding="hsm" clusterHsms={(cluster.Hsms ?? []).length} />
        {firstHsm && (
          <Alert type="info">
            This is the cluster’s first HSM. Until the cluster is initialized and activated it can have only this one; once the HSM is
            ACTIVE the cluster gets the certificate signing request you sign to initialize it.
          </Alert>
        )}
        {mutation.error && <ActionError error={mutation.error} what="Could not add the HSM" />}
        <DialogActions busy={mutation.isPending}>
          <Button type="submit" variant="primary" loading={mutation.isPending} loadingText="Adding HSM…">
            Add HSM
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
