/** Which PEMs of a cluster's `Certificates` the certificates view shows, in chain order, and the verifyChain input. */
import type { Certificates } from '../../aws';
import type { ChainInput } from '../../pki';

export type CertificateSlotKey =
  'ClusterCsr' | 'HsmCertificate' | 'AwsHardwareCertificate' | 'ManufacturerHardwareCertificate' | 'ClusterCertificate';

export interface CertificateSlot {
  key: CertificateSlotKey;
  /** Heading for the card. */
  label: string;
  kind: 'certificate' | 'csr';
  pem: string;
  /** Download name without extension. */
  fileName: string;
}

const SLOTS: { key: CertificateSlotKey; label: string; kind: 'certificate' | 'csr'; file: string }[] = [
  { key: 'ClusterCertificate', label: 'Cluster certificate', kind: 'certificate', file: 'cluster-certificate' },
  { key: 'ClusterCsr', label: 'Cluster CSR', kind: 'csr', file: 'cluster-csr' },
  { key: 'HsmCertificate', label: 'HSM certificate', kind: 'certificate', file: 'hsm-certificate' },
  { key: 'AwsHardwareCertificate', label: 'AWS hardware certificate', kind: 'certificate', file: 'aws-hardware-certificate' },
  {
    key: 'ManufacturerHardwareCertificate',
    label: 'Manufacturer hardware certificate',
    kind: 'certificate',
    file: 'manufacturer-hardware-certificate',
  },
];

/** The present (non-empty) PEMs, in a fixed order; download names carry the cluster id. */
export function certificateSlots(certificates: Certificates | undefined, clusterId: string): CertificateSlot[] {
  if (!certificates) return [];
  return SLOTS.flatMap(({ key, label, kind, file }) => {
    const pem = certificates[key];
    return typeof pem === 'string' && pem.trim() !== '' ? [{ key, label, kind, pem, fileName: `${clusterId}-${file}` }] : [];
  });
}

/** The verifyChain input for a cluster's certificates. */
export function chainInputOf(certificates: Certificates | undefined): ChainInput {
  return {
    hsm: certificates?.HsmCertificate,
    awsHardware: certificates?.AwsHardwareCertificate,
    manufacturerHardware: certificates?.ManufacturerHardwareCertificate,
    clusterCsr: certificates?.ClusterCsr,
    clusterCertificate: certificates?.ClusterCertificate,
  };
}
