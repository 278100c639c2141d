/**
 * `/clusters/new`: the create-cluster form. Region, network (VPC and subnets from the server's view of the
 * region, or typed ids), HSM type, mode, network type, an optional READY backup to restore (prefilled from
 * `?region=&sourceBackup=`), backup retention and tags. Checked as the API would before anything is sent; the
 * API's own refusal is shown if it still disagrees, and the form keeps every value. The equivalent AWS CLI
 * command is shown as the form changes. On success the new cluster's page opens and follows its creation.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useAllBackupsQuery, useClustersQuery, useSessionQuery, useShownRegions, type ClusterMode, type NetworkType, type SessionInfo } from '../../../aws';
import { useCreateClusterMutation, useNetworkQuery } from '../../../aws/actions';
import { ActionButton, ActionError, useReadOnlyReason } from '../../../ui/actions';
import { inputClass } from '../../../ui/buttons';
import { TagEditor } from '../../tags/TagEditor';
import { createdClusterState } from '../detail/createdNotice';
import { CliCommandPreview } from './CliCommandPreview';
import { createClusterCliCommand } from './cliCommand';
import { initialFormValues, toCreateClusterInput, type CreateClusterFormValues } from './formValues';
import { backupMode, CLUSTER_MODES, HSM_TYPE_OPTIONS, modeAllowedFor, NETWORK_TYPES } from './hsmTypes';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from './retention';
import { groupBackups, SourceBackupPicker } from './SourceBackupPicker';
import { SubnetPicker } from './SubnetPicker';
import { FORM_FIELDS, validateCreateClusterForm, type FormField } from './validateCreateClusterForm';

const READY_ONLY = { states: ['READY'] } as const;

/** The session's regions first (the ones the person looks at), then every other CloudHSM region. */
function regionChoices(session: SessionInfo): string[] {
  return [...new Set([...session.regions, ...session.availableRegions])].filter((r) => session.availableRegions.includes(r));
}

/** `?region=` when it names a usable region, else the first shown region, else the session's first. */
function startRegion(params: URLSearchParams, shown: readonly string[], session: SessionInfo): string {
  const usable = (r: string | null | undefined): r is string => Boolean(r) && session.availableRegions.includes(r!);
  const asked = params.get('region');
  if (usable(asked)) return asked;
  return shown.find(usable) ?? session.regions.find(usable) ?? session.availableRegions[0] ?? 'us-east-1';
}

export function CreateClusterPage() {
  const session = useSessionQuery();
  const [params] = useSearchParams();
  const { regions: shown } = useShownRegions();
  if (!session.data) return <p aria-live="polite">Loading…</p>;
  const region = startRegion(params, shown, session.data);
  const sourceBackup = params.get('sourceBackup')?.trim() ?? '';
  // A new prefill (another backup's link) starts a new form.
  return <CreateClusterForm key={`${region}/${sourceBackup}`} session={session.data} initial={initialFormValues(region, sourceBackup)} />;
}

function FieldError({ id, message, testId }: { id: string; message: string | undefined; testId: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-red-700 dark:text-red-300" data-testid={testId}>
      {message}
    </p>
  );
}

function Help({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-xs text-slate-600 dark:text-slate-400">
      {children}
    </p>
  );
}

const FIELD_LABELS: Record<FormField, string> = {
  region: 'Region',
  vpc: 'VPC',
  subnets: 'Subnets',
  hsmType: 'HSM type',
  mode: 'Mode',
  networkType: 'Network type',
  sourceBackup: 'Source backup',
  retention: 'Backup retention',
  tags: 'Tags',
};

type FieldIds = Record<FormField | `${FormField}Error` | `${FormField}Help`, string>;

/** Element ids of each field, its error and its help text. */
function fieldIds(baseId: string): FieldIds {
  return Object.fromEntries(FORM_FIELDS.flatMap((f) => [[f, `${baseId}-${f}`], [`${f}Error`, `${baseId}-${f}-error`], [`${f}Help`, `${baseId}-${f}-help`]])) as FieldIds;
}

function CreateClusterForm({ session, initial }: { session: SessionInfo; initial: CreateClusterFormValues }) {
  const navigate = useNavigate();
  const { linkTo } = useShownRegions();
  const [params] = useSearchParams();
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(() => new Set(initial.sourceBackupId ? ['sourceBackup', 'mode'] : []));
  const [submitted, setSubmitted] = useState(false);
  const tagsRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const ids = fieldIds(baseId);

  const network = useNetworkQuery(values.region);
  const backups = useAllBackupsQuery([values.region], { filters: READY_ONLY });
  const clusters = useClustersQuery([values.region]);
  const mutation = useCreateClusterMutation(values.region);

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
  const shown = (field: FormField): string | undefined => (submitted || touched.has(field) ? validation.errors[field] : undefined);
  const touch = (field: FormField) => setTouched((current) => (current.has(field) ? current : new Set([...current, field])));
  const change = (changes: Partial<CreateClusterFormValues>) => setValues((current) => ({ ...current, ...changes }));

  const input = toCreateClusterInput(effective);
  const command = createClusterCliCommand(values.region, input);
  const selectedBackup = readyBackups.find((b) => b.BackupId === values.sourceBackupId);

  // A restored cluster must run in its backup's mode: take it from the backup once (a prefilled backup is
  // only known when the list arrives); a later change by the person is theirs, and checked.
  const modeTakenFrom = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedBackup?.BackupId || modeTakenFrom.current === selectedBackup.BackupId) return;
    modeTakenFrom.current = selectedBackup.BackupId;
    const mode = backupMode(selectedBackup);
    if (mode === 'FIPS' || mode === 'NON_FIPS') setValues((current) => ({ ...current, mode }));
  }, [selectedBackup]);

  const focusField = (field: FormField) => {
    if (field === 'tags') {
      const target = tagsRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? tagsRef.current;
      target?.focus();
      return;
    }
    document.getElementById(ids[field])?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    setSubmitted(true);
    if (!validation.valid) {
      if (validation.firstInvalid) focusField(validation.firstInvalid);
      return;
    }
    mutation.mutate(input, {
      onSuccess: (cluster) => {
        const clusterId = cluster?.ClusterId;
        if (!clusterId) return;
        navigate(linkTo(`/clusters/${encodeURIComponent(values.region)}/${encodeURIComponent(clusterId)}`), {
          state: createdClusterState(clusterId, values.region, input.SourceBackupId),
        });
      },
    });
  };

  const describedBy = (field: FormField, help = true) => [shown(field) ? ids[`${field}Error` as const] : null, help ? ids[`${field}Help` as const] : null].filter(Boolean).join(' ') || undefined;
  const summaryErrors = submitted ? FORM_FIELDS.filter((f) => validation.errors[f]) : [];
  const pending = mutation.isPending;
  const readOnly = useReadOnlyReason();

  return (
    <section aria-labelledby="create-cluster-heading" className="max-w-3xl">
      <h2 id="create-cluster-heading" className="mb-1 text-lg font-medium">
        Create cluster
      </h2>
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        A cluster holds your HSMs. After it is created, add an HSM, then initialize and activate the cluster (unless it is restored from a backup, which makes it
        ACTIVE straight away).
      </p>

      {readOnly && (
        <p className="mb-4 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100" data-testid="read-only-banner">
          This session is read-only (the dashboard was started with <code>--read-only</code>): nothing can be created here. Fill in the form to get the equivalent AWS
          CLI command below, and run it with your own credentials.
        </p>
      )}

      {summaryErrors.length > 0 && (
        <div role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" data-testid="error-summary">
          <p className="font-medium">
            Fix {summaryErrors.length === 1 ? 'this problem' : `these ${summaryErrors.length} problems`} before creating the cluster (nothing was sent):
          </p>
          <ul className="mt-1 list-disc pl-5">
            {summaryErrors.map((field) => (
              <li key={field}>
                <button type="button" className="text-left underline" onClick={() => focusField(field)}>
                  {FIELD_LABELS[field]}: {validation.errors[field]}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <form onSubmit={submit} noValidate className="flex flex-col gap-5">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.region} className="text-sm font-medium">
            Region
          </label>
          <select
            id={ids.region}
            className={`${inputClass} w-64`}
            value={values.region}
            disabled={pending}
            onChange={(e) => {
              // Subnets and backups belong to a region: another region starts those choices again.
              change({ region: e.target.value, vpcId: '', pickedSubnetIds: [], sourceBackupId: '' });
              touch('region');
            }}
            aria-invalid={shown('region') ? true : undefined}
            aria-describedby={describedBy('region', false)}
          >
            {regionChoices(session).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <FieldError id={ids.regionError} message={shown('region')} testId="field-error-region" />
        </div>

        <SubnetPicker
          values={values}
          source={source}
          network={network}
          disabled={pending}
          onChange={change}
          onTouch={touch}
          ids={{ vpc: ids.vpc, subnets: ids.subnets, vpcError: ids.vpcError, subnetsError: ids.subnetsError, help: ids.subnetsHelp }}
          errors={{ vpc: shown('vpc'), subnets: shown('subnets') }}
        />
        {validation.warnings.length > 0 && (
          <p className="-mt-3 text-sm text-amber-900 dark:text-amber-200" data-testid="subnet-warning">
            <span aria-hidden="true">⚠ </span>
            {validation.warnings.join(' ')}
          </p>
        )}

        <fieldset className="flex flex-col gap-1" disabled={pending} aria-describedby={describedBy('hsmType')}>
          <legend className="mb-1 text-sm font-medium">HSM type</legend>
          {HSM_TYPE_OPTIONS.map((option) => (
            <label key={option.value} className={`flex items-center gap-2 text-sm ${option.offered ? '' : 'opacity-60'}`}>
              <input
                type="radio"
                name="hsm-type"
                id={values.hsmType === option.value ? ids.hsmType : undefined}
                value={option.value}
                checked={values.hsmType === option.value}
                disabled={!option.offered}
                aria-invalid={shown('hsmType') ? true : undefined}
                onChange={() => {
                  change({ hsmType: option.value });
                  touch('hsmType');
                }}
              />
              <span className="font-mono">{option.value}</span>
              {!option.offered && <span className="text-xs">(not offered)</span>}
            </label>
          ))}
          <Help id={ids.hsmTypeHelp}>{HSM_TYPE_OPTIONS.filter((o) => !o.offered).map((o) => o.reason).join(' ')}</Help>
          <FieldError id={ids.hsmTypeError} message={shown('hsmType')} testId="field-error-hsmType" />
        </fieldset>

        <fieldset className="flex flex-col gap-1" disabled={pending} aria-describedby={describedBy('mode')}>
          <legend className="mb-1 text-sm font-medium">Mode</legend>
          <div className="flex flex-wrap gap-4">
            {CLUSTER_MODES.map((mode) => (
              <label key={mode} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="mode"
                  id={values.mode === mode ? ids.mode : undefined}
                  value={mode}
                  checked={values.mode === mode}
                  disabled={!modeAllowedFor(mode, values.hsmType)}
                  aria-invalid={shown('mode') ? true : undefined}
                  onChange={() => {
                    change({ mode: mode as ClusterMode });
                    touch('mode');
                  }}
                />
                <span className="font-mono">{mode}</span>
              </label>
            ))}
          </div>
          <Help id={ids.modeHelp}>
            FIPS: the HSMs run in FIPS 140-3 approved mode. NON_FIPS (hsm2m.medium only) also allows algorithms FIPS does not approve. The mode cannot be changed after
            the cluster is created.
          </Help>
          <FieldError id={ids.modeError} message={shown('mode')} testId="field-error-mode" />
        </fieldset>

        <fieldset className="flex flex-col gap-1" disabled={pending} aria-describedby={describedBy('networkType')}>
          <legend className="mb-1 text-sm font-medium">Network type</legend>
          <div className="flex flex-wrap gap-4">
            {NETWORK_TYPES.map((networkType) => (
              <label key={networkType} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="network-type"
                  id={values.networkType === networkType ? ids.networkType : undefined}
                  value={networkType}
                  checked={values.networkType === networkType}
                  onChange={() => {
                    change({ networkType: networkType as NetworkType });
                    touch('networkType');
                  }}
                />
                <span className="font-mono">{networkType}</span>
              </label>
            ))}
          </div>
          <Help id={ids.networkTypeHelp}>
            IPV4: HSMs get IPv4 addresses. DUALSTACK: IPv4 and IPv6 (the subnets need IPv6 ranges). The network type cannot be changed after the cluster is created.
          </Help>
          <FieldError id={ids.networkTypeError} message={shown('networkType')} testId="field-error-networkType" />
        </fieldset>

        <div className="flex flex-col gap-1">
          <label htmlFor={ids.sourceBackup} className="text-sm font-medium">
            Create from a backup (optional)
          </label>
          <SourceBackupPicker
            id={ids.sourceBackup}
            value={values.sourceBackupId}
            groups={groups}
            loading={backups.isPending}
            loadError={backupsFailed ? backups.errors[0]?.error.info.message : undefined}
            invalid={Boolean(shown('sourceBackup'))}
            describedBy={describedBy('sourceBackup')}
            onChange={(backupId) => {
              change({ sourceBackupId: backupId });
              touch('sourceBackup');
            }}
          />
          <Help id={ids.sourceBackupHelp}>
            {backups.isPending
              ? `Loading the READY backups of ${values.region}…`
              : backupsFailed
                ? `The backups of ${values.region} could not be listed (${backups.errors[0]?.error.info.code}); a backup id given in the link is still sent and AWS checks it.`
                : selectedBackup
                  ? `The cluster starts ACTIVE with the users and keys of ${selectedBackup.BackupId} (${backupMode(selectedBackup) ?? 'mode unknown'}); they are put on its first HSM. It must use the backup's mode.`
                  : `${readyBackups.length} READY backup${readyBackups.length === 1 ? '' : 's'} in ${values.region}. Without one the cluster starts empty and UNINITIALIZED.`}
          </Help>
          <FieldError id={ids.sourceBackupError} message={shown('sourceBackup')} testId="field-error-sourceBackup" />
        </div>

        <div className="flex flex-col gap-1">
          <label htmlFor={ids.retention} className="text-sm font-medium">
            Backup retention (days)
          </label>
          <input
            id={ids.retention}
            className={`${inputClass} w-32`}
            type="number"
            min={MIN_RETENTION_DAYS}
            max={MAX_RETENTION_DAYS}
            step={1}
            value={values.retentionDays}
            disabled={pending}
            onChange={(e) => {
              change({ retentionDays: e.target.value });
              touch('retention');
            }}
            aria-invalid={shown('retention') ? true : undefined}
            aria-describedby={describedBy('retention')}
          />
          <Help id={ids.retentionHelp}>
            {MIN_RETENTION_DAYS} to {MAX_RETENTION_DAYS} days (AWS’s default is 90). Older backups are deleted by AWS, except the newest one and those marked “never
            expires”. Can be changed later.
          </Help>
          <FieldError id={ids.retentionError} message={shown('retention')} testId="field-error-retention" />
        </div>

        <div ref={tagsRef} id={ids.tags} tabIndex={-1} className="flex flex-col gap-1">
          <TagEditor rows={values.tags} onChange={(tags) => change({ tags })} label="Tags (optional)" disabled={pending} />
          <FieldError id={ids.tagsError} message={submitted ? validation.errors.tags : undefined} testId="field-error-tags" />
        </div>

        <CliCommandPreview command={command} />

        {mutation.error && <ActionError error={mutation.error} what="Could not create the cluster" />}
        <div className="flex items-center gap-3">
          <ActionButton type="submit" variant="primary" pending={pending} pendingLabel="Creating cluster…">
            Create cluster
          </ActionButton>
        </div>
      </form>
    </section>
  );
}
