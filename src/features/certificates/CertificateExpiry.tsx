import type { ClusterWithExtras } from '../../aws';

export interface CertificateExpiryProps {
  cluster: ClusterWithExtras;
}

// Contract stub: replaced by the certificate-expiry work. Renders the cluster certificate's expiry: the ISO
// date and "in N days", warned at 90 days, in error at 30 or past; nothing for an uninitialized cluster.
export function CertificateExpiry(_props: CertificateExpiryProps) {
  return null;
}
