/**
 * The cluster page's HSM-type migration: on an hsm1.medium cluster, "Migrate to hsm2m.medium"; during the
 * migration its progress (the cluster query polls while MODIFY_IN_PROGRESS); while HsmTypeRollbackExpiration
 * is ahead, "Roll back to hsm1.medium" with the time left. Nothing for a cluster that never ran hsm1.medium.
 */
import { useState, type ReactNode } from 'react';
import type { ClusterWithExtras } from '../../../../aws';
import { useModifyClusterMutation } from '../../../../aws/actions';
import { HSM1, HSM2M, LIMITED_WRITE, migrationState, type MigrationState } from '../../../../cloudhsm/migration';
import { DateTime, StatusIndicator, useNow } from '../../../../ui';
import { ActionButton } from '../../../../ui/actions';
import type { ShowNotice } from '../notice';
import { MigrateDialog } from './MigrateDialog';
import { RollbackDialog, RollbackTimeLeft } from './RollbackDialog';

type ModifyMutation = ReturnType<typeof useModifyClusterMutation>;

interface SectionProps {
  cluster: ClusterWithExtras;
  region: string;
  /** The cluster's account (undefined: the base account). */
  account?: string | undefined;
  onNotice: ShowNotice;
}

/** The words and icon of where the migration is. */
function MigrationStatus({ state, now }: { state: MigrationState; now: number }) {
  switch (state.kind) {
    case 'possible':
      return (
        <StatusIndicator icon="warning" className="text-sm">
          This cluster runs {HSM1}, which has reached end of support. Migrate it to {HSM2M}.
        </StatusIndicator>
      );
    case 'in-progress':
      return (
        <StatusIndicator icon="in-progress" className="text-sm">
          Migrating to {state.target}…
        </StatusIndicator>
      );
    case 'rolling-back':
      return (
        <StatusIndicator icon="in-progress" className="text-sm">
          Rolling back to {state.target}…
        </StatusIndicator>
      );
    case 'rollback-available':
      return (
        <span className="flex flex-col gap-0.5 text-sm">
          <StatusIndicator icon="success">Migrated to {HSM2M}.</StatusIndicator>
          <RollbackTimeLeft until={state.until} now={now} />
        </span>
      );
    case 'done':
      return (
        <StatusIndicator icon="success" className="text-sm">
          Migrated to {HSM2M}. The rollback window closed <DateTime value={state.closedAt} />.
        </StatusIndicator>
      );
    case 'not-applicable':
      return null;
  }
}

/** The one button of a state, opening its dialog. */
function MigrationAction({
  state,
  mutation,
  onOpen,
}: {
  state: MigrationState;
  mutation: ModifyMutation;
  onOpen: (what: 'migrate' | 'rollback') => void;
}) {
  const open = (what: 'migrate' | 'rollback') => () => {
    mutation.reset();
    onOpen(what);
  };
  if (state.kind === 'possible') {
    return (
      <ActionButton onClick={open('migrate')} pending={mutation.isPending} pendingLabel="Starting migration…" data-testid="migrate">
        Migrate to {HSM2M}
      </ActionButton>
    );
  }
  const rollbackOpen = state.kind === 'rollback-available' || (state.kind === 'in-progress' && state.rollbackUntil !== undefined);
  if (!rollbackOpen) return null;
  return (
    <ActionButton onClick={open('rollback')} pending={mutation.isPending} pendingLabel="Starting rollback…" data-testid="rollback">
      Roll back to {HSM1}
    </ActionButton>
  );
}

export function MigrationSection({ cluster, region, account, onNotice }: SectionProps) {
  const now = useNow();
  const mutation = useModifyClusterMutation(region, account);
  const [dialog, setDialog] = useState<'migrate' | 'rollback' | null>(null);
  const state = migrationState(cluster, new Date(now));
  if (state.kind === 'not-applicable') return null;
  const moving = state.kind === 'in-progress' || state.kind === 'rolling-back';
  const until = state.kind === 'rollback-available' ? state.until : state.kind === 'in-progress' ? state.rollbackUntil : undefined;
  let extra: ReactNode = null;
  if (moving) {
    extra = (
      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="limited-write">
        Limited-write mode: {LIMITED_WRITE.refuses}
      </p>
    );
  }
  return (
    <section
      aria-labelledby="migration-heading"
      className="mb-4 flex flex-col gap-2 rounded-md border border-slate-300 p-3 dark:border-slate-700"
      data-testid="migration"
      data-kind={state.kind}
    >
      <h3 id="migration-heading" className="text-base font-medium">
        HSM type: {cluster.HsmType ?? 'unknown'}
      </h3>
      <MigrationStatus state={state} now={now} />
      {state.kind === 'in-progress' && state.rollbackUntil && <RollbackTimeLeft until={state.rollbackUntil} now={now} />}
      {extra}
      <div className="flex flex-wrap gap-2">
        <MigrationAction state={state} mutation={mutation} onOpen={setDialog} />
      </div>
      {dialog === 'migrate' && (
        <MigrateDialog
          cluster={cluster}
          region={region}
          account={account}
          mutation={mutation}
          onClose={() => setDialog(null)}
          onNotice={onNotice}
        />
      )}
      {dialog === 'rollback' && (
        <RollbackDialog
          cluster={cluster}
          region={region}
          account={account}
          mutation={mutation}
          until={until}
          now={now}
          onClose={() => setDialog(null)}
          onNotice={onNotice}
        />
      )}
    </section>
  );
}
