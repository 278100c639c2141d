import { describe, expect, it } from 'vitest';
import { certificateSlots, chainInputOf } from './certificateSlots';

describe('certificateSlots', () => {
  it('lists only present PEMs, in chain order, with the cluster id in the file name', () => {
    const slots = certificateSlots(
      { ManufacturerHardwareCertificate: 'M', HsmCertificate: 'H', ClusterCsr: 'C', AwsHardwareCertificate: ' ' },
      'cluster-abc',
    );
    expect(slots.map((s) => s.key)).toEqual(['ClusterCsr', 'HsmCertificate', 'ManufacturerHardwareCertificate']);
    expect(slots[0]).toMatchObject({ kind: 'csr', fileName: 'cluster-abc-cluster-csr', pem: 'C' });
    expect(certificateSlots(undefined, 'x')).toEqual([]);
  });
  it('maps to the verifyChain input', () => {
    expect(chainInputOf({ ClusterCertificate: 'CC', HsmCertificate: 'H' })).toEqual({
      hsm: 'H',
      awsHardware: undefined,
      manufacturerHardware: undefined,
      clusterCsr: undefined,
      clusterCertificate: 'CC',
    });
  });
});
