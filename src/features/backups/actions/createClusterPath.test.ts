import { describe, expect, it } from 'vitest';
import { createClusterPath } from './createClusterPath';

describe('createClusterPath', () => {
  it('names the backup and its region for the create form, keeping the shown regions', () => {
    expect(createClusterPath('us-west-2', 'backup-abcdefghijk', null)).toEqual({ pathname: '/clusters/new', search: '?region=us-west-2&sourceBackup=backup-abcdefghijk' });
    expect(createClusterPath('us-west-2', 'backup-abcdefghijk', 'us-east-1,us-west-2').search).toBe('?regions=us-east-1%2Cus-west-2&region=us-west-2&sourceBackup=backup-abcdefghijk');
  });
});
