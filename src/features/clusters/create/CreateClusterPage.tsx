/**
 * `/clusters/new`: the create-cluster form. Region, network (VPC and subnets from the server's view of the
 * region, or typed ids), HSM type, mode, network type, an optional READY backup to restore (prefilled from
 * `?region=&sourceBackup=`, an id or an ARN, another account's shared backup only by ARN), backup retention and tags. Checked as the API would before anything is sent; the
 * API's own refusal is shown if it still disagrees, and the form keeps every value. The equivalent AWS CLI
 * command is shown as the form changes. On success the new cluster's page opens and follows its creation.
 */
import { useId, useRef, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useSessionQuery, useShownRegions, type SessionInfo } from '../../../aws';
import { useCreateClusterMutation } from '../../../aws/actions';
import { Skeleton, SkeletonText } from '../../../ui';
import { ActionButton, ActionError, useReadOnlyReason } from '../../../ui/actions';
import { createdClusterState } from '../detail/createdNotice';
import { BackupSection } from './BackupSection';
import { CliCommandPreview } from './CliCommandPreview';
import { ErrorSummary } from './ErrorSummary';
import { initialFormValues, type CreateClusterFormValues } from './formValues';
import { HardwareSection } from './HardwareSection';
import { PrefillNote } from './prefill/PrefillNote';
import { RegionAndNetworkSection } from './RegionAndNetworkSection';
import { TagsSection } from './TagsSection';
import { formSourceBackupId, regionOfSource } from './sourceBackupRef';
import { baseAccountOf, useCreateClusterForm } from './useCreateClusterForm';
import { FORM_FIELDS, type FormField } from './validateCreateClusterForm';

/**
 * `?region=` when it names a usable region, else the region of a source backup given by ARN, else the first
 * shown region, else the session's first.
 */
function startRegion(params: URLSearchParams, shown: readonly string[], session: SessionInfo, sourceBackup: string): string {
  const usable = (r: string | null | undefined): r is string => Boolean(r) && session.availableRegions.includes(r!);
  const asked = params.get('region');
  if (usable(asked)) return asked;
  const ofSource = regionOfSource(sourceBackup);
  if (usable(ofSource)) return ofSource;
  return shown.find(usable) ?? session.regions.find(usable) ?? session.availableRegions[0] ?? 'us-east-1';
}

function Intro() {
  return (
    <>
      <h2 id="create-cluster-heading" className="mb-1 text-lg font-medium">
        Create cluster
      </h2>
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        A cluster holds your HSMs. After it is created, add an HSM, then initialize and activate the cluster (unless it is restored from a
        backup, which makes it ACTIVE straight away).
      </p>
    </>
  );
}

export function CreateClusterPage() {
  const session = useSessionQuery();
  const [params] = useSearchParams();
  const { regions: shown } = useShownRegions();
  if (!session.data) {
    return (
      <section aria-labelledby="create-cluster-heading" aria-busy="true" className="max-w-3xl">
        <Intro />
        <p role="status" className="mb-3 text-sm text-slate-600 dark:text-slate-300">
          Loading…
        </p>
        <div className="flex flex-col gap-4">
          <Skeleton className="h-8 w-64" />
          <Skeleton className="h-32 w-full" />
          <SkeletonText lines={4} />
        </div>
      </section>
    );
  }
  const asked = params.get('sourceBackup')?.trim() ?? '';
  const region = startRegion(params, shown, session.data, asked);
  // This account's backup by ARN is its id (the picker lists it); another account's ARN stays as given.
  const sourceBackup = formSourceBackupId(asked, region, baseAccountOf(session.data));
  // A new prefill (another backup's link) starts a new form.
  return <CreateClusterForm key={`${region}/${sourceBackup}`} session={session.data} initial={initialFormValues(region, sourceBackup)} />;
}

function CreateClusterForm({ session, initial }: { session: SessionInfo; initial: CreateClusterFormValues }) {
  const navigate = useNavigate();
  const { linkTo } = useShownRegions();
  const form = useCreateClusterForm(session, initial);
  const { values, validation, input } = form;
  const mutation = useCreateClusterMutation(values.region);
  const readOnly = useReadOnlyReason();
  const tagsRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const ids = Object.fromEntries(FORM_FIELDS.map((f) => [f, `${baseId}-${f}`])) as Record<FormField, string>;

  const focusField = (field: FormField) => {
    const element = document.getElementById(ids[field]);
    // A group (radios, tags) focuses what is wrong in it, or its chosen radio, or itself.
    const inside = element?.querySelector<HTMLElement>('[aria-invalid="true"]:not(fieldset), input:checked');
    (field === 'tags'
      ? (tagsRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? tagsRef.current)
      : (inside ?? element)
    )?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    form.setSubmitted(true);
    if (!validation.valid) {
      if (validation.firstInvalid) focusField(validation.firstInvalid);
      return;
    }
    mutation.mutate(input, {
      onSuccess: (cluster) => {
        const clusterId = cluster?.ClusterId;
        if (!clusterId) return;
        void navigate(linkTo(`/clusters/${encodeURIComponent(values.region)}/${encodeURIComponent(clusterId)}`), {
          state: createdClusterState(clusterId, values.region, input.SourceBackupId),
        });
      },
    });
  };

  const pending = mutation.isPending;
  // Once the summary speaks for the whole form, the fields do not speak their errors as well.
  const section = { form, ids, disabled: pending, announceError: !form.submitted };
  return (
    <section aria-labelledby="create-cluster-heading" className="max-w-3xl">
      <Intro />
      {/* The shell's banner says changes are off; here, what the page still offers. */}
      {readOnly !== null && (
        <p className="mb-4 text-sm" data-testid="read-only-hint">
          Nothing can be created here. Fill in the form to get the equivalent AWS CLI command below, and run it with your own credentials.
        </p>
      )}
      {form.submitted && <ErrorSummary errors={validation.errors} onGoTo={focusField} />}
      <PrefillNote status={form.prefill} />
      <form onSubmit={submit} noValidate className="flex flex-col gap-5">
        <RegionAndNetworkSection {...section} session={session} />
        <HardwareSection {...section} />
        <BackupSection {...section} />
        <TagsSection {...section} tagsRef={tagsRef} />
        <CliCommandPreview command={form.command} />
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
