/**
 * The create-cluster form's state: the values as typed, which fields were touched, the checks (against the
 * region's network and READY backups once they are known), the mode a chosen backup imposes, and the
 * CreateCluster input and CLI command the values stand for.
 */
import { useMemo, useState } from 'react';
import { useAllBackupsQuery, useClustersQuery, type SessionInfo } from '../../../aws';
import { useNetworkQuery } from '../../../aws/actions';
import { createClusterCliCommand } from './cliCommand';
import { toCreateClusterInput, type CreateClusterFormValues } from './formValues';
import { backupMode } from './hsmTypes';
import { groupBackups } from './SourceBackupPicker';
import { useSourcePrefill } from './prefill/useSourcePrefill';
import { validateCreateClusterForm, type FormField } from './validateCreateClusterForm';

const READY_ONLY = { states: ['READY'] } as const;

export function useCreateClusterForm(session: SessionInfo, initial: CreateClusterFormValues) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(() => new Set(initial.sourceBackupId ? ['sourceBackup', 'mode'] : []));
  const [submitted, setSubmitted] = useState(false);
  // Values the person changed: a prefill from the backup's source cluster leaves them alone.
  const [edited, setEdited] = useState<ReadonlySet<keyof CreateClusterFormValues>>(() => new Set());
  const prefill = useSourcePrefill(values, edited, setValues);

  const network = useNetworkQuery(values.region);
  const backups = useAllBackupsQuery([values.region], { filters: READY_ONLY });
  const clusters = useClustersQuery([values.region]);

  const networkInfo = network.data?.available ? network.data : undefined;
  // The picker needs the network; without it (unavailable, failed) the ids are typed.
  const source = networkInfo ? values.subnetSource : network.isPending ? values.subnetSource : 'typed';
  const effective = useMemo(() => ({ ...values, subnetSource: source }), [values, source]);

  const backupsFailed = backups.errors.length > 0;
  const readyBackups = useMemo(() => backups.rows.map((r) => r.backup), [backups.rows]);
  const groups = useMemo(() => groupBackups(backups.rows, clusters.rows), [backups.rows, clusters.rows]);
  const validation = validateCreateClusterForm(effective, {
    regions: session.availableRegions,
    ...(networkInfo ? { subnets: networkInfo.subnets } : {}),
    ...(!backups.isPending && !backupsFailed ? { readyBackups } : {}),
  });
  const selectedBackup = readyBackups.find((b) => b.BackupId === values.sourceBackupId);

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
