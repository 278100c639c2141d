/**
 * Certificates made on the spot for tests of every layer (unit and end-to-end): a customer CA, a cluster-like
 * CSR and certificates signed from it, plus the bad variants a person might paste. Built on src/pki's issuing
 * helpers (WebCrypto + @peculiar/x509), so it runs in Node and in browsers alike. Nothing in the app imports it.
 */
import {
  createCsr,
  createSelfSigned,
  generateKeyPair,
  issueCertificate,
  signCsr as signWithCa,
  type CertificateAuthority,
  type CertificateExtensions,
  type DistinguishedName,
} from '../issue';
import { createHardwareCas, DAY_MS, issueHsmCertificates, type HardwareCas, type HsmCertificates } from '../hardwareChain';

export { DAY_MS };

export type KeyKind = 'rsa' | 'ec';

export function generateKeys(kind: KeyKind = 'rsa'): Promise<CryptoKeyPair> {
  return generateKeyPair(kind === 'rsa' ? 'rsa-2048' : 'ec-p256');
}

export type TestCa = CertificateAuthority;

export interface CaOptions {
  /** 'ca': BasicConstraints cA=true (default); 'not-ca': cA=false; 'no-basic-constraints': other extensions only; 'none': no extensions (v1-like). */
  kind?: 'ca' | 'not-ca' | 'no-basic-constraints' | 'none';
  notBefore?: Date;
  notAfter?: Date;
  keys?: CryptoKeyPair;
}

const CA_KINDS: Record<NonNullable<CaOptions['kind']>, CertificateExtensions> = {
  ca: { basicConstraints: { ca: true }, subjectKeyIdentifier: true },
  'not-ca': { basicConstraints: { ca: false }, subjectKeyIdentifier: true },
  'no-basic-constraints': { subjectKeyIdentifier: true },
  none: {},
};

const customerName = (commonName: string): DistinguishedName => [
  ['C', 'US'],
  ['O', 'Example Customer'],
  ['CN', commonName],
];

/** A self-signed root CA (what `openssl req -new -x509 -key customerCA.key` makes). */
export async function makeRootCa(commonName: string, options: CaOptions = {}): Promise<TestCa> {
  const keys = options.keys ?? (await generateKeys());
  const notBefore = options.notBefore ?? new Date(Date.now() - DAY_MS);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + 3652 * DAY_MS);
  const pem = await createSelfSigned(customerName(commonName), keys, { notBefore, notAfter, extensions: CA_KINDS[options.kind ?? 'ca'] });
  return { pem, keys };
}

/** A CA certificate issued by `issuer` (an intermediate: not self-signed). */
export async function makeIntermediateCa(commonName: string, issuer: TestCa): Promise<TestCa> {
  const keys = await generateKeys();
  const notBefore = new Date(Date.now() - DAY_MS);
  const pem = await issueCertificate(issuer, customerName(commonName), keys.publicKey, {
    notBefore,
    notAfter: new Date(notBefore.getTime() + 365 * DAY_MS),
    extensions: { basicConstraints: { ca: true, pathLength: 0 } },
  });
  return { pem, keys };
}

export interface TestCsr {
  pem: string;
  keys: CryptoKeyPair;
}

/** A PKCS#10 request like the cluster's ClusterCsr (RSA 2048, signed by its own key). */
export async function makeCsr(commonName = 'HSM:5.3G1941-ICM000001:PARTN:1, for FIPS mode'): Promise<TestCsr> {
  const keys = await generateKeys();
  const pem = await createCsr(
    [
      ['C', 'US'],
      ['O', 'Cavium'],
      ['CN', commonName],
    ],
    keys,
  );
  return { pem, keys };
}

export interface SignOptions {
  notBefore?: Date;
  notAfter?: Date;
}

/** Signs a CSR with `ca` (what `openssl x509 -req -in <csr> -CA customerCA.crt -CAkey customerCA.key` does): no extensions. */
export async function signCsr(csrPem: string, ca: TestCa, options: SignOptions = {}): Promise<string> {
  const notBefore = options.notBefore ?? new Date(Date.now() - 60 * 60 * 1000);
  return signWithCa(csrPem, ca, { notBefore, notAfter: options.notAfter ?? new Date(notBefore.getTime() + 3652 * DAY_MS) });
}

/** The hardware CAs of a CloudHSM-like chain: a manufacturer root and the AWS hardware CA it issued. */
export type { HardwareCas };

export async function makeHardwareCas(): Promise<HardwareCas> {
  const manufacturerName: DistinguishedName = [
    ['C', 'US'],
    ['O', 'Example Manufacturer'],
    ['CN', 'Test Manufacturer Root CA'],
  ];
  const awsName: DistinguishedName = [
    ['C', 'US'],
    ['O', 'Amazon Web Services'],
    ['OU', 'CloudHSM'],
    ['CN', 'Test Hardware CA'],
  ];
  return createHardwareCas({ manufacturer: manufacturerName, aws: awsName });
}

/** What DescribeClusters shows for a cluster's first HSM: its CSR, and the HSM certificate for the CSR's key with its chain. */
export type HsmLikeCertificates = HsmCertificates;

/** The HSM subject has a comma in its CN, as real ones do ("…, for FIPS mode"). */
export async function makeHsmCertificates(cas: HardwareCas, hsmSerial = '000001'): Promise<HsmLikeCertificates> {
  const subject: DistinguishedName = [
    ['C', 'US'],
    ['ST', 'CA'],
    ['O', 'Cavium'],
    ['OU', 'N3FIPS'],
    ['L', 'SanJose'],
    ['CN', `HSM:5.3G1941-ICM${hsmSerial}:PARTN:1, for FIPS mode`],
  ];
  return issueHsmCertificates(cas, subject, await generateKeys(), new Date(Date.now() - 60 * 60 * 1000));
}

/** What InitializeCluster is given: the first HSM's certificates, a customer root CA and the cluster certificate it signed. */
export interface SignedCluster {
  hsm: HsmLikeCertificates;
  customerCa: TestCa;
  clusterCertificate: string;
}

/** A cluster's HSM certificates (under `cas`, or new hardware CAs), signed by a new 'Customer Root CA'. */
export async function makeSignedCluster(cas?: HardwareCas): Promise<SignedCluster> {
  const [hsm, customerCa] = await Promise.all([makeHsmCertificates(cas ?? (await makeHardwareCas())), makeRootCa('Customer Root CA')]);
  return { hsm, customerCa, clusterCertificate: await signCsr(hsm.ClusterCsr, customerCa) };
}
