/**
 * A CloudHSM-like hardware chain: a manufacturer root CA, the AWS hardware CA it issues, and what DescribeClusters
 * shows for a cluster's first HSM (the cluster's CSR and the HSM certificate the AWS CA signs for its key, with the
 * chain). The emulator's certificate authority and the test certificates of every layer both build theirs here.
 */
import {
  createCsr,
  createSelfSigned,
  END_ENTITY_EXTENSIONS,
  generateKeyPair,
  ISSUING_CA_EXTENSIONS,
  issueCertificate,
  ROOT_CA_EXTENSIONS,
  signCsr,
  type CertificateAuthority,
  type DistinguishedName,
} from './issue';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** `years` years of 365 days after `from`. */
export const yearsAfter = (from: Date, years: number): Date => new Date(from.getTime() + years * 365 * DAY_MS);

export interface HardwareCas {
  manufacturer: CertificateAuthority;
  aws: CertificateAuthority;
}

/** What DescribeClusters shows for a cluster's first HSM: its CSR, and the HSM certificate for the CSR's key with its chain. */
export interface HsmCertificates {
  ClusterCsr: string;
  HsmCertificate: string;
  AwsHardwareCertificate: string;
  ManufacturerHardwareCertificate: string;
}

/** The manufacturer root (25 years) and the AWS hardware CA it issues (20 years), both valid from a day ago. */
export async function createHardwareCas(names: { manufacturer: DistinguishedName; aws: DistinguishedName }): Promise<HardwareCas> {
  // WebCrypto generates keys off the main thread (in Node at least), so both keys are made concurrently.
  const [rootKeys, awsKeys] = await Promise.all([generateKeyPair(), generateKeyPair()]);
  const notBefore = new Date(Date.now() - DAY_MS);
  const manufacturer: CertificateAuthority = {
    keys: rootKeys,
    pem: await createSelfSigned(names.manufacturer, rootKeys, {
      notBefore,
      notAfter: yearsAfter(notBefore, 25),
      extensions: ROOT_CA_EXTENSIONS,
    }),
  };
  const aws: CertificateAuthority = {
    keys: awsKeys,
    pem: await issueCertificate(manufacturer, names.aws, awsKeys.publicKey, {
      notBefore,
      notAfter: yearsAfter(notBefore, 20),
      extensions: ISSUING_CA_EXTENSIONS,
    }),
  };
  return { manufacturer, aws };
}

/** The cluster's CSR for `subject` (signed with the cluster key) and the HSM certificate the AWS CA issues for it, valid 10 years from `notBefore`. */
export async function issueHsmCertificates(
  cas: HardwareCas,
  subject: DistinguishedName,
  clusterKeys: CryptoKeyPair,
  notBefore: Date,
): Promise<HsmCertificates> {
  const csr = await createCsr(subject, clusterKeys);
  const hsmCertificate = await signCsr(csr, cas.aws, { notBefore, notAfter: yearsAfter(notBefore, 10), extensions: END_ENTITY_EXTENSIONS });
  return {
    ClusterCsr: csr,
    HsmCertificate: hsmCertificate,
    AwsHardwareCertificate: cas.aws.pem,
    ManufacturerHardwareCertificate: cas.manufacturer.pem,
  };
}
