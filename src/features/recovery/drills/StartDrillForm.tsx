/**
 * What a drill will do, before it starts: the backup (the candidates, best first), its region, the subnets and
 * the HSM's zone, the HSM type and the tags. Start sends CreateCluster with SourceBackupId; the drill record is
 * written once AWS has accepted it (its CreateTimestamp is when the drill started).
 */
import { useState, type FormEvent } from 'react';
import type { ClusterMode, RegionalBackup, RegionalCluster } from '../../../aws';
import { useCreateClusterMutation, useNetworkQuery } from '../../../aws/actions';
import { chooseDrillSubnets, drillTags } from '../../../cloudhsm/drills';
import { resourceName } from '../../../cloudhsm/names';
import { regionName } from '../../../cloudhsm/regions';
import { AwsErrorMessage, FormField, Options, Select, formatUtc } from '../../../ui';
import { ActionButton, DialogActions } from '../../../ui/actions';
import { errorAdvice } from '../../common/errorAdvice';
import { backupMode, CURRENT_HSM_TYPE, isOfferedHsmType } from '../../clusters/create/hsmTypes';
import { DrillNetworkFields, type DrillNetwork } from './DrillNetworkFields';
import { drillStore } from './drillStore';

/** The drill cluster keeps its backups (one when the HSM is added, one when it is removed) the shortest time allowed. */
const DRILL_RETENTION_DAYS = '7';

const backupLabel = ({ region, backup }: RegionalBackup, source: string): string =>
  `${backup.BackupId ?? ''} · ${region}${region === source ? ' (local)' : ' (copy)'} · ${formatUtc(backup.CreateTimestamp)}`;

const splitIds = (text: string): string[] => text.split(/[\s,]+/).filter((id) => id !== '');

export interface StartDrillFormProps {
  cluster: RegionalCluster;
  candidates: readonly RegionalBackup[];
  onStarted: () => void;
}

export function StartDrillForm({ cluster: source, candidates, onStarted }: StartDrillFormProps) {
  const [backupId, setBackupId] = useState(candidates[0]?.backup.BackupId ?? '');
  const chosen = candidates.find((c) => c.backup.BackupId === backupId) ?? candidates[0];
  const region = chosen?.region ?? '';
  const network = useNetworkQuery(region);
  const info = network.data?.available ? network.data : undefined;
  const sourceCluster = source.cluster;
  const proposal = chooseDrillSubnets(region, info, {
    region: source.region,
    VpcId: sourceCluster.VpcId,
    SubnetMapping: sourceCluster.SubnetMapping,
  });
  // The person's own choice for this region, else the proposal (which follows the network as it loads).
  const [edited, setEdited] = useState<{ region: string; network: DrillNetwork } | null>(null);
  const chosenNetwork: DrillNetwork = edited?.region === region ? edited.network : (proposal ?? { vpcId: '', subnetIds: [] });
  const [typed, setTyped] = useState<{ region: string; text: string } | null>(null);
  const typedText = typed?.region === region ? typed.text : (proposal?.subnetIds.join(' ') ?? '');
  const subnetIds = info ? [...chosenNetwork.subnetIds] : splitIds(typedText);
  const zones = info
    ? info.subnets
        .filter((s) => subnetIds.includes(s.SubnetId))
        .map((s) => s.AvailabilityZone)
        .sort()
    : [];
  const [zoneChoice, setZone] = useState('');
  const zone = zones.includes(zoneChoice) ? zoneChoice : (zones[0] ?? '');

  const sourceType = sourceCluster.HsmType ?? CURRENT_HSM_TYPE;
  const hsmType = isOfferedHsmType(sourceType) ? sourceType : CURRENT_HSM_TYPE;
  // The backup's mode (a backup restores only into a cluster of its own mode), else the source's.
  const mode = (chosen && backupMode(chosen.backup)) ?? sourceCluster.Mode;
  const modeInput: ClusterMode | undefined = mode === 'FIPS' || mode === 'NON_FIPS' ? mode : undefined;
  const name = resourceName(sourceCluster) ?? sourceCluster.ClusterId ?? 'cluster';
  const tags = drillTags(name);
  const create = useCreateClusterMutation(region);
  const problem = !chosen ? 'There is no READY backup to restore from.' : subnetIds.length === 0 ? 'Choose at least one subnet.' : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem || !chosen || create.isPending) return;
    const input = {
      HsmType: hsmType,
      SubnetIds: subnetIds,
      SourceBackupId: chosen.backup.BackupId ?? '',
      TagList: tags,
      BackupRetentionPolicy: { Type: 'DAYS' as const, Value: DRILL_RETENTION_DAYS },
      ...(modeInput ? { Mode: modeInput } : {}),
    };
    create.mutate(input, {
      onSuccess: (created) => {
        if (!created?.ClusterId) return;
        drillStore.dispatch({
          type: 'started',
          record: {
            sourceClusterId: sourceCluster.ClusterId ?? '',
            backupId: input.SourceBackupId,
            region,
            drillClusterId: created.ClusterId,
            availabilityZone: zone,
          },
          createdAt: created.CreateTimestamp?.getTime(),
          localNow: Date.now(),
        });
        onStarted();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormField
        label="Backup to restore"
        constraintText="READY backups, best first: the newest copy in each other region, then the newest here."
      >
        <Select value={chosen?.backup.BackupId ?? ''} disabled={create.isPending} onChange={(e) => setBackupId(e.target.value)}>
          <Options items={candidates} value={(c) => c.backup.BackupId ?? ''} label={(c) => backupLabel(c, source.region)} />
        </Select>
      </FormField>
      <p className="mb-3 text-sm" data-testid="drill-region">
        Region: <span className="font-mono">{region}</span> ({regionName(region)}), the backup’s region.
      </p>
      <DrillNetworkFields
        region={region}
        network={network}
        value={chosenNetwork}
        onChange={(next) => setEdited({ region, network: next })}
        typed={typedText}
        onTyped={(text) => setTyped({ region, text })}
        zone={zone}
        onZone={setZone}
        zones={zones}
        disabled={create.isPending}
      />
      <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium">HSM type</dt>
        <dd data-testid="drill-hsm-type">
          {hsmType}
          {hsmType !== sourceType && ` (${name} runs ${sourceType}, which AWS no longer creates; newer hardware restores its backups)`}
        </dd>
        <dt className="font-medium">Tags</dt>
        <dd data-testid="drill-tags">{tags.map((t) => `${t.Key} = ${t.Value}`).join(', ')}</dd>
        <dt className="font-medium">Backup retention</dt>
        <dd>{DRILL_RETENTION_DAYS} days</dd>
      </dl>
      <p className="mb-3 text-sm">
        The drill cluster starts ACTIVE with the backup’s certificate and users (no initialization); the drill adds one HSM and measures how
        long until it is ACTIVE. It costs what an HSM costs until you delete it. Adding and removing the HSM each take a backup of the drill
        cluster; its last one stays after the cluster is deleted.
      </p>
      {create.error && (
        <AwsErrorMessage
          error={create.error}
          what="Could not start the drill (nothing was changed)"
          advice={errorAdvice(create.error.info)}
        />
      )}
      <DialogActions busy={create.isPending}>
        <ActionButton type="submit" variant="primary" disabledReason={problem} pending={create.isPending} pendingLabel="Starting…">
          Start drill
        </ActionButton>
      </DialogActions>
    </form>
  );
}
