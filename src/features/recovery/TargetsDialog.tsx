/**
 * Editing a cluster's recovery targets (hours for the newest local backup and the newest DR copy), or the
 * default for every cluster ("Apply to all"). Targets are a preference of this browser: nothing is sent to AWS.
 */
import { useState, type FormEvent } from 'react';
import { targetHoursError, withClusterTargets, withTargetsForAll, type TargetSettings, type Targets } from '../../cloudhsm/recovery';
import { Button, FormField, Input } from '../../ui';
import { Dialog, DialogActions } from '../../ui/actions';
import { setTargetSettings } from './targetsStore';

export interface TargetsDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  settings: TargetSettings;
  /** The cluster edited; absent: the default for every cluster. */
  cluster?: { id: string; name: string; targets: Targets };
}

function TargetsForm({ settings, cluster, onDone }: Omit<TargetsDialogProps, 'open' | 'onOpenChange'> & { onDone: () => void }) {
  const start = cluster?.targets ?? settings.defaults;
  const [local, setLocal] = useState(String(start.localHours));
  const [dr, setDr] = useState(String(start.drHours));
  const [tried, setTried] = useState(false);
  const localError = tried ? targetHoursError(local) : null;
  const drError = tried ? targetHoursError(dr) : null;

  const save = (all: boolean) => {
    setTried(true);
    if (targetHoursError(local) || targetHoursError(dr)) return;
    const targets = { localHours: Number(local.trim()), drHours: Number(dr.trim()) };
    setTargetSettings(all || !cluster ? withTargetsForAll(targets) : withClusterTargets(settings, cluster.id, targets));
    onDone();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="flex flex-col gap-3">
        <FormField
          label="Newest local backup within (hours)"
          constraintText="1 to 8784 hours; 24 by default"
          errorText={localError ?? undefined}
          required
        >
          <Input inputMode="numeric" value={local} onChange={(e) => setLocal(e.target.value)} data-testid="target-local" />
        </FormField>
        <FormField
          label="Newest DR copy within (hours)"
          constraintText="Per region holding copies; 24 by default"
          errorText={drError ?? undefined}
          required
        >
          <Input inputMode="numeric" value={dr} onChange={(e) => setDr(e.target.value)} data-testid="target-dr" />
        </FormField>
      </div>
      <DialogActions busy={false}>
        {cluster && (
          <Button type="button" onClick={() => save(true)}>
            Apply to all clusters
          </Button>
        )}
        <Button type="submit" variant="primary">
          {cluster ? `Save for ${cluster.name}` : 'Apply to all clusters'}
        </Button>
      </DialogActions>
    </form>
  );
}

export function TargetsDialog({ open, onOpenChange, settings, cluster }: TargetsDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={cluster ? `Recovery targets of ${cluster.name}` : 'Recovery targets of every cluster'}
      description={
        cluster
          ? 'How old the newest backup and the newest copy in each DR region may be before the cluster shows as behind. Kept in this browser.'
          : 'The targets every cluster is judged against; this replaces any cluster’s own. Kept in this browser.'
      }
      testId="recovery-targets-dialog"
    >
      {/* Mounted only while open, so each opening starts from the targets in force. */}
      {open && <TargetsForm settings={settings} cluster={cluster} onDone={() => onOpenChange(false)} />}
    </Dialog>
  );
}
