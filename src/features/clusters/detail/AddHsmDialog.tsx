/**
 * "Add HSM": CreateHsm in one of the cluster's Availability Zones (the keys of its subnet mapping), with an
 * optional IP address checked against the subnet's range when the region's network is known. Off, with the
 * reason, when the cluster's state does not allow another HSM (one HSM until the cluster is active).
 */
import { useId, useState, type FormEvent } from 'react';
import { type ClusterWithExtras } from '../../../aws';
import { useCreateHsmMutation, useNetworkQuery } from '../../../aws/actions';
import { ActionButton, ActionError, Dialog, DialogActions } from '../../../ui/actions';
import { buttonClass, inputClass } from '../../../ui/buttons';
import { addHsmRule, checkHsmIpAddress } from './clusterActionRules';
import { HsmCreatedNotice } from './hsmNotices';
import type { ShowNotice } from './notice';
import { useRefreshCluster } from './useRefreshCluster';

export function AddHsmButton({ cluster, region, onNotice }: { cluster: ClusterWithExtras; region: string; onNotice: ShowNotice }) {
  const [open, setOpen] = useState(false);
  const rule = addHsmRule(cluster);
  const mutation = useCreateHsmMutation(region);
  return (
    <>
      <ActionButton
        variant="secondary"
        disabledReason={rule.reason}
        pending={mutation.isPending}
        pendingLabel="Adding HSM…"
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
        data-testid="add-hsm"
      >
        Add HSM
      </ActionButton>
      {open && <AddHsmDialog cluster={cluster} region={region} mutation={mutation} onClose={() => setOpen(false)} onNotice={onNotice} />}
    </>
  );
}

interface AddHsmDialogProps {
  cluster: ClusterWithExtras;
  region: string;
  mutation: ReturnType<typeof useCreateHsmMutation>;
  onClose: () => void;
  onNotice: ShowNotice;
}

function AddHsmDialog({ cluster, region, mutation, onClose, onNotice }: AddHsmDialogProps) {
  const rule = addHsmRule(cluster);
  const network = useNetworkQuery(region);
  // The least used AZ first: spreading HSMs over AZs is what makes a cluster highly available.
  const suggested = [...rule.zones].sort((a, b) => a.hsmCount - b.hsmCount)[0]?.availabilityZone ?? '';
  const [zone, setZone] = useState(suggested);
  const [ip, setIp] = useState('');
  const [ipTouched, setIpTouched] = useState(false);
  const ids = { zone: useId(), ip: useId(), ipHelp: useId(), ipError: useId(), note: useId() };

  const chosen = rule.zones.find((z) => z.availabilityZone === zone);
  const subnet = network.data?.available ? network.data.subnets.find((s) => s.SubnetId === chosen?.subnetId) : undefined;
  const ipProblem = checkHsmIpAddress(ip, subnet?.CidrBlock);
  const showIpProblem = ipProblem !== null && ipTouched;
  const firstHsm = (cluster.State === 'UNINITIALIZED' || cluster.State === 'INITIALIZED') && (cluster.Hsms ?? []).length === 0;
  const clusterId = cluster.ClusterId ?? '';
  const refresh = useRefreshCluster(region, clusterId);

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
          onNotice(<HsmCreatedNotice region={region} clusterId={clusterId} hsmId={hsm?.HsmId ?? ''} zone={chosen.availabilityZone} />);
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
      description={<>Creates an HSM in cluster <span className="font-mono">{clusterId}</span>, in the subnet of the Availability Zone you choose.</>}
      testId="add-hsm-dialog"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.zone} className="text-sm font-medium">
            Availability Zone
          </label>
          <select id={ids.zone} className={inputClass} value={zone} onChange={(e) => setZone(e.target.value)} disabled={mutation.isPending}>
            {rule.zones.map((z) => (
              <option key={z.availabilityZone} value={z.availabilityZone}>
                {z.availabilityZone} — {z.subnetId}
                {z.hsmCount > 0 ? ` (${z.hsmCount} HSM${z.hsmCount === 1 ? '' : 's'} already)` : ''}
              </option>
            ))}
          </select>
          {subnet?.CidrBlock && <p className="text-xs text-slate-600 dark:text-slate-400">Subnet range {subnet.CidrBlock}</p>}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.ip} className="text-sm font-medium">
            IP address (optional)
          </label>
          <input
            id={ids.ip}
            className={`${inputClass} font-mono`}
            value={ip}
            onChange={(e) => setIp(e.target.value)}
            onBlur={() => setIpTouched(true)}
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            disabled={mutation.isPending}
            aria-invalid={showIpProblem || undefined}
            aria-describedby={showIpProblem ? `${ids.ipError} ${ids.ipHelp}` : ids.ipHelp}
          />
          <p id={ids.ipHelp} className="text-xs text-slate-600 dark:text-slate-400">
            Leave empty to let AWS pick a free address in the subnet{subnet?.CidrBlock ? ` (${subnet.CidrBlock})` : ''}.
          </p>
          {showIpProblem && (
            <p id={ids.ipError} className="text-sm text-red-700 dark:text-red-300" data-testid="ip-error">
              {ipProblem}
            </p>
          )}
        </div>
        {firstHsm && (
          <p id={ids.note} className="rounded border border-sky-300 bg-sky-50 p-2 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
            This is the cluster’s first HSM. Until the cluster is initialized and activated it can have only this one; once the HSM is ACTIVE the cluster
            gets the certificate signing request you sign to initialize it.
          </p>
        )}
        {mutation.error && <ActionError error={mutation.error} what="Could not add the HSM" />}
        <DialogActions busy={mutation.isPending}>
          <button type="submit" className={buttonClass.primary} disabled={mutation.isPending} aria-busy={mutation.isPending || undefined}>
            {mutation.isPending ? 'Adding HSM…' : 'Add HSM'}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
