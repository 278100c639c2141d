/**
 * Certificates made on the spot for the initialize tests (unit and end-to-end): a customer CA, a cluster-like
 * CSR and certificates signed from it, plus the bad variants a person might paste. WebCrypto + @peculiar/x509
 * only, so it runs in Node and in browsers alike. Test support: nothing in the app imports it.
 */
import type * as X509 from '@peculiar/x509';
import { loadX509, toPem } from '../../../../emulator/certs.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export const RSA_2048: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const EC_P256: EcKeyGenParams & { hash: string } = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

export type KeyKind = 'rsa' | 'ec';

export function generateKeys(kind: KeyKind = 'rsa'): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(kind === 'rsa' ? RSA_2048 : EC_P256, false, ['sign', 'verify']);
}

const algorithmFor = (keys: CryptoKeyPair) => (keys.privateKey.algorithm.name === 'ECDSA' ? EC_P256 : RSA_2048);

let serial = 1;
const nextSerial = () => (serial++).toString(16).padStart(2, '0');

export interface TestCa {
  pem: string;
  cert: X509.X509Certificate;
  keys: CryptoKeyPair;
}

export interface CaOptions {
  /** 'ca': BasicConstraints cA=true (default); 'not-ca': cA=false; 'no-basic-constraints': other extensions only; 'none': no extensions (v1-like). */
  kind?: 'ca' | 'not-ca' | 'no-basic-constraints' | 'none';
  notBefore?: Date;
  notAfter?: Date;
  keys?: CryptoKeyPair;
}

/** A self-signed root CA (what `openssl req -new -x509 -key customerCA.key` makes). */
export async function makeRootCa(commonName: string, options: CaOptions = {}): Promise<TestCa> {
  const x509 = await loadX509();
  const keys = options.keys ?? (await generateKeys());
  const kind = options.kind ?? 'ca';
  const extensions: X509.Extension[] = [];
  if (kind === 'ca' || kind === 'not-ca') extensions.push(new x509.BasicConstraintsExtension(kind === 'ca', undefined, true));
  if (kind !== 'none') extensions.push(await x509.SubjectKeyIdentifierExtension.create(keys.publicKey));
  const notBefore = options.notBefore ?? new Date(Date.now() - DAY_MS);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: `C=US, O=Example Customer, CN=${commonName}`,
    notBefore,
    notAfter: options.notAfter ?? new Date(notBefore.getTime() + 3652 * DAY_MS),
    keys,
    signingAlgorithm: algorithmFor(keys),
    extensions,
  });
  return { pem: toPem(cert.rawData, 'CERTIFICATE'), cert, keys };
}

/** A CA certificate issued by `issuer` (an intermediate: not self-signed). */
export async function makeIntermediateCa(commonName: string, issuer: TestCa): Promise<TestCa> {
  const x509 = await loadX509();
  const keys = await generateKeys();
  const notBefore = new Date(Date.now() - DAY_MS);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: `C=US, O=Example Customer, CN=${commonName}`,
    issuer: issuer.cert.subjectName,
    notBefore,
    notAfter: new Date(notBefore.getTime() + 365 * DAY_MS),
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: algorithmFor(issuer.keys),
    extensions: [new x509.BasicConstraintsExtension(true, 0, true)],
  });
  return { pem: toPem(cert.rawData, 'CERTIFICATE'), cert, keys };
}

export interface TestCsr {
  pem: string;
  keys: CryptoKeyPair;
}

/** A PKCS#10 request like the cluster's ClusterCsr (RSA 2048, signed by its own key). */
export async function makeCsr(commonName = 'HSM:5.3G1941-ICM000001:PARTN:1, for FIPS mode'): Promise<TestCsr> {
  const x509 = await loadX509();
  const keys = await generateKeys();
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: [{ C: ['US'] }, { O: ['Cavium'] }, { CN: [commonName] }],
    keys,
    signingAlgorithm: RSA_2048,
  });
  return { pem: toPem(csr.rawData, 'CERTIFICATE REQUEST'), keys };
}

export interface SignOptions {
  notBefore?: Date;
  notAfter?: Date;
}

/** Signs a CSR with `ca` (what `openssl x509 -req -in <csr> -CA customerCA.crt -CAkey customerCA.key` does). */
export async function signCsr(csrPem: string, ca: TestCa, options: SignOptions = {}): Promise<string> {
  const x509 = await loadX509();
  const csr = new x509.Pkcs10CertificateRequest(csrPem);
  const notBefore = options.notBefore ?? new Date(Date.now() - 60 * 60 * 1000);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: csr.subjectName,
    issuer: ca.cert.subjectName,
    notBefore,
    notAfter: options.notAfter ?? new Date(notBefore.getTime() + 3652 * DAY_MS),
    publicKey: csr.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: algorithmFor(ca.keys),
  });
  return toPem(cert.rawData, 'CERTIFICATE');
}

export { DAY_MS };
