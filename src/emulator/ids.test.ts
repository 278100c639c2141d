import { describe, expect, it } from 'vitest';
import { isBackupId, isClusterId, isHsmId, isSubnetId } from '../cloudhsm/ids';
import { newEc2Id, newResourceId } from './ids';

describe('new ids', () => {
  it('are in the formats the API accepts, with 11 lowercase base32 characters as real ones have', () => {
    for (let i = 0; i < 50; i++) {
      const cluster = newResourceId('cluster');
      expect(isClusterId(cluster)).toBe(true);
      expect(cluster).toMatch(/^cluster-[a-z2-7]{11}$/);
      expect(isHsmId(newResourceId('hsm'))).toBe(true);
      expect(isBackupId(newResourceId('backup'))).toBe(true);
      expect(isSubnetId(newEc2Id('subnet'))).toBe(true);
    }
  });
});
