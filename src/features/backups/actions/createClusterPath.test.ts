import { describe, expect, it } from 'vitest';
import { createClusterParams } from './createClusterPath';

describe('createClusterParams', () => {
  it('tells the create form the backup and its region', () => {
    expect(createClusterParams('us-west-2', 'backup-abcdefghijk')).toEqual({ region: 'us-west-2', sourceBackup: 'backup-abcdefghijk' });
  });
});
