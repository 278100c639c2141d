/**
 * The create-cluster form's state: the values as typed, which fields were touched, the checks (against the
 * region's network and READY backups once they are known, and for another account's backup ARN the backups
 * shared with this account), the mode a chosen backup imposes, and the CreateCluster input and CLI command
 * the values stand for.
 */
import { useMemo, useState } from 'react';
import { useAllBackupsQuery, useClustersQuery, type SessionInfo } from '../../../aws';
import { useSharedBackupsQuery } from '../../../aws/queries/sharedBackups';
import { useNetworkQuery } from '../../../aws/actions';
import { createClusterCliCommand } from './cliCommand';
import { toCreateClusterInput, type CreateClusterFormValues } from './formValues';
import { backupMode } from './hsmTypes';
import { groupBackups } from './SourceBackupPicker';
import { useSourcePrefill } from './prefill/useSourcePrefill';
import { checkSourceBackup, sourceBackupRef } from './sourceBackupRef';
import { validateCreateClusterForm, type FormField } from './validateCreateClusterForm';

const READY_ONLY = { states: ['READY'] } as const;

/** The account the form creates in (the base credentials'), when the session says. */
export const baseAccountOf = (session: SessionInfo): string | undefined => session.accounts?.[0]?.id ?? session.accountId;

export function useCreateClusterForm(session: SessionInfo, initial: CreateClusterFormValues) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(() => new Set(initial.sourceBackupId ? ['sourceBackup', 'mode'] : []));
  const [submitted, setSubmitted] = useState(false);
  // Values the person changed: a prefill from the backup's source cluster leaves them alone.
  const [edited, setEdited] = useState<ReadonlySet<keyof CreateClusterFormValues>>(() => new Set());
  const baseAccount = baseAccountOf(session);
  const ref = sourceBackupRef(values.sourceBackupId, values.region, baseAccount);

  const network = useNetworkQuery(values.region);
  const backups = useAllBackupsQuery([values.region], { filters: READY_ONLY });
  const clusters = useClustersQuery([values.region]);
  // Another account's backup: looked up among those shared with this account (no query otherwise).
  const shared = useSharedBackupsQuery(ref.kind === 'shared' ? [values.region] : []);
  const sharedFailed = shared.errors.length > 0;
  // A list cut at its bound cannot say a backup is not shared: then AWS decides.
  const sharedKnown = ref.kind === 'shared' && !shared.isPending && !sharedFailed && shared.truncated.length === 0;
  const sharedBackups = useMemo(() => shared.rows.map((r) => r.backup), [shared.rows]);

  const networkInfo = network.data?.available ? network.data : undefined;
  // The picker needs the network; without it (unavailable, failed) the ids are typed.
  const source = networkInfo ? values.subnetSource : network.isPending ? values.subnetSource : 'typed';
  const effective = useMemo(() => ({ ...values, subnetSource: source }), [values, source]);

  const backupsFailed = backups.errors.length > 0;
  const readyBackups = useMemo(() => backups.rows.map((r) => r.backup), [backups.rows]);
  const groups = useMemo(() => groupBackups(backups.rows, clusters.rows), [backups.rows, clusters.rows]);
  const context = {
    regions: session.availableRegions,
    ...(networkInfo ? { subnets: networkInfo.subnets } : {}),
    ...(!backups.isPending && !backupsFailed ? { readyBackups } : {}),
    ...(sharedKnown ? { sharedBackups } : {}),
    ...(baseAccount ? { baseAccount } : {}),
  };
  const validation = validateCreateClusterForm(effective, context);
  const chosen = checkSourceBackup(ref, values.region, {
    ready: readyBackups,
    shared: sharedBackups,
    ...(baseAccount ? { baseAccount } : {}),
  });
  const selectedBackup = chosen.kind === 'found' ? chosen.backup : undefined;
  const sharedBy = chosen.kind === 'found' ? chosen.owner : undefined;
  const prefill = useSourcePrefill(values, edited, setValues, {
    ...(ref.kind === 'own' ? { ownBackupId: ref.backupId } : {}),
    ...(selectedBackup && sharedBy ? { shared: { owner: sharedBy, backup: selectedBackup } } : {}),
    sharedPending: ref.kind === 'shared' && shared.isPending,
  });

  // A restored cluster must run in its backup's mode: take it from the backup once (a prefilled backup is
  // only known when the list arrives); a later change by the person is theirs, and checked.
  // Adjusted while rendering (React re-renders at once), not in an effect that would draw the old mode first.
  const [modeTakenFrom, setModeTakenFrom] = useState<string | null>(null);
  if (selectedBackup?.BackupId && modeTakenFrom !== selectedBackup.BackupId) {
    setModeTakenFrom(selectedBackup.BackupId);
    const mode = backupMode(selectedBackup);
    if (mode === 'FIPS' || mode === 'NON_FIPS') setValues((current) => ({ ...current, mode }));
  }

  const input = toCreateClusterInput(effective);
  return {
    values,
    source,
    network,
    backups: {
      isPending: backups.isPending,
      failed: backupsFailed,
      error: backups.errors[0]?.error,
      ready: readyBackups,
      groups,
      selected: selectedBackup,
      /** The account that shares the chosen backup, when it is another account's. */
      sharedBy,
      /** Another account's backup could not be looked up among those shared with this one (AWS still checks it). */
      sharedUnchecked: ref.kind === 'shared' && !shared.isPending && !sharedKnown,
    },
    validation,
    submitted,
    setSubmitted,
    input,
    command: createClusterCliCommand(values.region, input),
    /** A field's error once it was touched or the form was sent. */
    shown: (field: FormField): string | undefined => (submitted || touched.has(field) ? validation.errors[field] : undefined),
    touch: (field: FormField) => setTouched((current) => (current.has(field) ? current : new Set([...current, field]))),
    prefill,
    change: (changes: Partial<CreateClusterFormValues>) => {
      setValues((current) => ({ ...current, ...changes }));
      setEdited((current) => new Set([...current, ...(Object.keys(changes) as (keyof CreateClusterFormValues)[])]));
    },
  };
}

export type CreateClusterForm = ReturnType<typeof useCreateClusterForm>;
