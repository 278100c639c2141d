/**
 * The guided flow for one cluster: six steps on one page, the current one marked in the step list. Holds what the
 * person gave (the two certificates), runs the browser checks, sends InitializeCluster and follows the cluster's
 * state (the cluster query polls while it is INITIALIZE_IN_PROGRESS).
 */
import { useEffect, useRef, useState } from 'react';
import { type ClusterWithExtras } from '../../../aws';
import { useInitializeClusterMutation } from '../../../aws/actions';
import { certificateToSend } from '../../../pki';
import { checksShortfall } from './checkCounts';
import { allChecksPass } from './checkInitializationCertificates';
import { currentStep, INIT_STEPS, initializeReadiness, type InitStep } from './flow';
import { StepNav, StepSection, type StepStatus } from './StepSection';
import { CertificatesStep } from './steps/CertificatesStep';
import { DoneStep } from './steps/DoneStep';
import { DownloadStep } from './steps/DownloadStep';
import { InitializeStep } from './steps/InitializeStep';
import { PrerequisitesStep } from './steps/PrerequisitesStep';
import { SignStep } from './steps/SignStep';
import { useInitializationChecks, type ChecksState } from './useInitializationChecks';

function initializeDisabledReason(readinessReason: string | null, checks: ChecksState): string | null {
  if (readinessReason) return readinessReason;
  if (checks.kind === 'waiting') return 'Give the signed cluster certificate and the trust anchor first (step 4).';
  if (checks.kind === 'checking') return 'The certificates are being checked.';
  // The same words as the summary above the checks, so the two never count differently.
  const shortfall = checksShortfall(checks.checks);
  return shortfall === null ? null : `Not every certificate check passes (step 4): ${shortfall}. Fix the certificates first.`;
}

/** Appends each new cluster state seen after InitializeCluster was accepted, for the progress line and its history. */
function useStatesSeen(accepted: string | undefined, clusterState: string | undefined): string[] {
  const [seen, setSeen] = useState<string[]>([]);
  // Adjusted while rendering (React's pattern for state that follows props); it settles after one extra render.
  if (accepted) {
    const start = seen.length === 0 ? [accepted] : seen;
    const next = clusterState && clusterState !== start[start.length - 1] ? [...start, clusterState] : start;
    if (next !== seen) setSeen(next);
  }
  return seen;
}

export function InitializeFlow({ cluster, region, account }: { cluster: ClusterWithExtras; region: string; account?: string | undefined }) {
  const clusterId = cluster.ClusterId ?? '';
  const [signedCert, setSignedCert] = useState('');
  const [trustAnchor, setTrustAnchor] = useState('');
  const [csrDownloaded, setCsrDownloaded] = useState(false);
  // The CSR goes away once the cluster is initialized; the checks keep the last one seen, so they do not change
  // under the person's eyes while the cluster settles.
  const clusterCsr = cluster.Certificates?.ClusterCsr?.trim() ? cluster.Certificates.ClusterCsr : undefined;
  const [lastCsr, setLastCsr] = useState(clusterCsr);
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect a render later.
  if (clusterCsr && clusterCsr !== lastCsr) setLastCsr(clusterCsr);
  const csrPem = clusterCsr ?? lastCsr;
  const checks = useInitializationChecks({ csrPem, signedCertPem: signedCert, trustAnchorPem: trustAnchor });
  const mutation = useInitializeClusterMutation(region, account);
  const accepted = mutation.data;
  const statesSeen = useStatesSeen(accepted ? (accepted.State ?? 'INITIALIZE_IN_PROGRESS') : undefined, cluster.State);

  const readiness = initializeReadiness(cluster);
  const checksPass = checks.kind === 'done' && allChecksPass(checks.checks);
  const current = currentStep(cluster, {
    csrDownloaded,
    certificatesStarted: signedCert.trim() !== '' || trustAnchor.trim() !== '',
    checksPass,
  });
  const currentIndex = INIT_STEPS.indexOf(current);
  const statusOf = (step: InitStep): StepStatus => {
    const index = INIT_STEPS.indexOf(step);
    // An ACTIVE cluster was initialized and activated: every step, the last one included, is done.
    if (cluster.State === 'ACTIVE') return 'complete';
    if (index === currentIndex) return 'current';
    // Before the cluster is ready, nothing after step 1 counts as done.
    return index < currentIndex && (readiness.kind === 'ready' || cluster.State === 'INITIALIZE_IN_PROGRESS' || current === 'done')
      ? 'complete'
      : 'upcoming';
  };
  const afterInitialize = cluster.State !== 'UNINITIALIZED' && cluster.State !== 'CREATE_IN_PROGRESS';
  const progressRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLDivElement>(null);
  const settled = Boolean(accepted) && (cluster.State === 'INITIALIZED' || cluster.State === 'ACTIVE');
  // Whoever waited on the progress (focus still there) is taken to what is left to do: activation, step 6.
  useEffect(() => {
    if (settled && progressRef.current !== null && document.activeElement === progressRef.current) noteRef.current?.focus();
  }, [settled]);
  const doneNote = 'Done: the cluster was initialized.';

  // A refusal is about the certificates that were sent: once they change, its message no longer applies.
  const edit = (set: (text: string) => void) => (text: string) => {
    set(text);
    if (mutation.isError) mutation.reset();
  };
  const initialize = () => {
    mutation.mutate({ ClusterId: clusterId, SignedCert: certificateToSend(signedCert), TrustAnchor: certificateToSend(trustAnchor) });
  };

  return (
    <>
      <StepNav current={current} statusOf={statusOf} />
      <StepSection step="prerequisites" status={statusOf('prerequisites')}>
        <PrerequisitesStep cluster={cluster} region={region} account={account} readiness={readiness} />
      </StepSection>
      <StepSection step="download" status={statusOf('download')}>
        {afterInitialize ? (
          <p>{doneNote} Its CSR is no longer offered.</p>
        ) : (
          <DownloadStep
            certificates={cluster.Certificates}
            clusterId={clusterId}
            region={region}
            account={account}
            onDownloaded={() => setCsrDownloaded(true)}
          />
        )}
      </StepSection>
      <StepSection step="sign" status={statusOf('sign')}>
        {afterInitialize ? <p>{doneNote}</p> : <SignStep clusterId={clusterId} />}
      </StepSection>
      <StepSection step="provide" status={statusOf('provide')}>
        {accepted ? (
          <p>Done: the signed certificate and the trust anchor passed every check and were sent.</p>
        ) : afterInitialize ? (
          <p>{doneNote}</p>
        ) : (
          <CertificatesStep
            clusterId={clusterId}
            signedCert={signedCert}
            trustAnchor={trustAnchor}
            onSignedCert={edit(setSignedCert)}
            onTrustAnchor={edit(setTrustAnchor)}
            checks={checks}
            locked={mutation.isPending}
          />
        )}
      </StepSection>
      <StepSection step="initialize" status={statusOf('initialize')}>
        {afterInitialize && !accepted ? (
          <p>{readiness.kind === 'already' ? readiness.reason : doneNote}</p>
        ) : (
          <InitializeStep
            clusterId={clusterId}
            region={region}
            account={account}
            disabledReason={initializeDisabledReason(readiness.kind === 'ready' ? null : readiness.reason, checks)}
            pending={mutation.isPending}
            error={mutation.error}
            accepted={accepted}
            statesSeen={statesSeen}
            onInitialize={initialize}
            progressRef={progressRef}
          />
        )}
      </StepSection>
      <StepSection step="done" status={statusOf('done')}>
        <DoneStep state={cluster.State} region={region} account={account} clusterId={clusterId} noteRef={noteRef} />
      </StepSection>
    </>
  );
}
