import { describe, expect, it } from 'vitest';
import { backupCluster, backupClusterId, backupClusterRegion } from './backupCluster';

describe('backupCluster', () => {
  it('finds a backup’s cluster in the backup’s region, and a copy’s in its source region', () => {
    expect(backupCluster({ ClusterId: 'cluster-aaaaaaaaaaa' }, 'us-east-1')).toEqual({
      region: 'us-east-1',
      clusterId: 'cluster-aaaaaaaaaaa',
    });
    expect(
      backupCluster({ ClusterId: 'cluster-aaaaaaaaaaa', SourceRegion: 'us-east-1', SourceCluster: 'cluster-bbbbbbbbbbb' }, 'us-west-2'),
    ).toEqual({ region: 'us-east-1', clusterId: 'cluster-bbbbbbbbbbb' });
    expect(backupCluster({}, 'us-east-1')).toBeUndefined();
  });

  it('reads a copy’s cluster from ClusterId when the listing omits SourceCluster', () => {
    expect(backupClusterId({ ClusterId: 'cluster-aaaaaaaaaaa', SourceRegion: 'us-east-1' })).toBe('cluster-aaaaaaaaaaa');
    expect(backupClusterRegion({ SourceRegion: 'us-east-1' }, 'us-west-2')).toBe('us-east-1');
    expect(backupClusterRegion({}, 'us-west-2')).toBe('us-west-2');
  });
});
