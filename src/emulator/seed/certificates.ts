/**
 * Real certificate material for seeded clusters: the first HSM's CSR and hardware chain, and the cluster
 * certificate a customer CA signed from that CSR (what InitializeCluster would have accepted).
 * Each set costs one RSA key generation, so seeds make only a few and share them.
 */
import { createHsmCertificates, signCsrWithTestCa, type HsmCertificateSet } from '../certs';
import { HOUR } from './builders';

export interface CertificateMaterial {
  hsm: HsmCertificateSet;
  /** The CSR signed by the test customer CA (ClusterCertificate once the cluster is initialized). */
  clusterCertificate: string;
}

export async function certificateMaterial(input: {
  clusterId: string;
  hsmId: string;
  hsmType: string;
  mode: 'FIPS' | 'NON_FIPS';
  /** When the first HSM came up (epoch seconds); the cluster was initialized about an hour later. */
  issuedAt: number;
}): Promise<CertificateMaterial> {
  const hsm = await createHsmCertificates({
    clusterId: input.clusterId,
    hsmId: input.hsmId,
    hsmType: input.hsmType,
    mode: input.mode,
    now: new Date(input.issuedAt * 1000),
  });
  const { signedCert } = await signCsrWithTestCa(hsm.ClusterCsr, { notBefore: new Date((input.issuedAt + HOUR) * 1000) });
  return { hsm, clusterCertificate: signedCert };
}
