/**
 * Making certificates: key pairs, self-signed CAs, certificates a CA issues, and certificate requests. The
 * emulator's certificate authority is built on these, and so are the test certificates of every layer.
 * Everything comes out as PEM (`toPem`'s format); private keys are non-extractable and never leave their CryptoKey.
 */
import type * as X509 from '@peculiar/x509';
import { toPem } from './pem';
import { serviceReadMessage } from './problems';
import { loadX509, readCertificate, readCsr, type Certificate, type X509Lib } from './x509';

/**
 * Ordered RDNs, most general first: [['C', 'US'], ['O', 'Example'], ['CN', 'Root']] (values may hold commas), or
 * the library's text form for anything else ('CN=x, O=Example+OU=Lab' has a multi-valued RDN).
 */
export type DistinguishedName = ReadonlyArray<readonly [type: string, value: string]> | string;

export type KeyKind = 'rsa-2048' | 'ec-p256';

const KEY_PARAMS: Record<KeyKind, RsaHashedKeyGenParams | EcKeyGenParams> = {
  'rsa-2048': { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
  'ec-p256': { name: 'ECDSA', namedCurve: 'P-256' },
};

/** A new key pair for signing. The private key is not extractable: it "lives in the HSM" (or the CA) and is never exported. */
export function generateKeyPair(kind: KeyKind = 'rsa-2048'): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(KEY_PARAMS[kind], false, ['sign', 'verify']);
}

export type KeyUsage = 'digitalSignature' | 'keyEncipherment' | 'keyCertSign' | 'cRLSign';

/** The X.509 v3 extensions to write; none of them unless asked for. */
export interface CertificateExtensions {
  /** BasicConstraints (critical). */
  basicConstraints?: { ca: boolean; pathLength?: number };
  /** KeyUsage (critical). */
  keyUsage?: readonly KeyUsage[];
  /** SubjectKeyIdentifier of the certificate's own key. */
  subjectKeyIdentifier?: boolean;
  /** AuthorityKeyIdentifier of the issuer's key (issued certificates only). */
  authorityKeyIdentifier?: boolean;
}

/** What real CAs carry: a root, a CA below it that issues end entities only, and an end-entity certificate. */
export const ROOT_CA_EXTENSIONS: CertificateExtensions = {
  basicConstraints: { ca: true },
  keyUsage: ['keyCertSign', 'cRLSign'],
  subjectKeyIdentifier: true,
};
export const ISSUING_CA_EXTENSIONS: CertificateExtensions = {
  basicConstraints: { ca: true, pathLength: 0 },
  keyUsage: ['keyCertSign', 'cRLSign'],
  subjectKeyIdentifier: true,
  authorityKeyIdentifier: true,
};
export const END_ENTITY_EXTENSIONS: CertificateExtensions = {
  basicConstraints: { ca: false },
  keyUsage: ['digitalSignature', 'keyEncipherment'],
  subjectKeyIdentifier: true,
  authorityKeyIdentifier: true,
};

/** A certificate authority: its certificate, and the key pair it signs with. */
export interface CertificateAuthority {
  pem: string;
  keys: CryptoKeyPair;
}

export interface IssueOptions {
  notBefore: Date;
  notAfter: Date;
  extensions?: CertificateExtensions;
  /** Hex; a random positive 16-byte serial when not given. */
  serialNumber?: string;
}

/** A random positive 16-byte serial number (RFC 5280 allows up to 20 octets). */
export function randomSerial(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01; // positive and no leading zero octet
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The JSON form of a name, which keeps values with commas (", for FIPS mode") intact. */
const nameOf = (name: DistinguishedName) => (typeof name === 'string' ? name : name.map(([type, value]) => ({ [type]: [value] })));

/** SHA-256 with the key's own scheme (RSA PKCS#1 v1.5 or ECDSA). */
const signingAlgorithm = (key: CryptoKey) =>
  key.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };

async function extensionsOf(
  lib: X509Lib,
  wanted: CertificateExtensions | undefined,
  subjectKey: CryptoKey | X509.PublicKey,
  issuer: Certificate | null,
): Promise<X509.Extension[]> {
  const { basicConstraints, keyUsage, subjectKeyIdentifier, authorityKeyIdentifier } = wanted ?? {};
  const extensions: X509.Extension[] = [];
  if (basicConstraints) extensions.push(new lib.BasicConstraintsExtension(basicConstraints.ca, basicConstraints.pathLength, true));
  if (keyUsage)
    extensions.push(
      new lib.KeyUsagesExtension(
        keyUsage.reduce((flags, usage) => flags | lib.KeyUsageFlags[usage], 0),
        true,
      ),
    );
  if (subjectKeyIdentifier) extensions.push(await lib.SubjectKeyIdentifierExtension.create(subjectKey));
  if (authorityKeyIdentifier && issuer) extensions.push(await lib.AuthorityKeyIdentifierExtension.create(issuer.publicKey));
  return extensions;
}

/** The issuing CA's certificate, read back from its PEM. */
async function certificateOf(ca: CertificateAuthority): Promise<Certificate> {
  const read = await readCertificate(ca.pem);
  if (!read.ok) throw new Error(`The CA certificate cannot be read (${read.problem.code}).`);
  return read.value;
}

/** A self-signed certificate for `keys` (a root CA with `ROOT_CA_EXTENSIONS`). */
export async function createSelfSigned(name: DistinguishedName, keys: CryptoKeyPair, options: IssueOptions): Promise<string> {
  const lib = await loadX509();
  const cert = await lib.X509CertificateGenerator.createSelfSigned({
    serialNumber: options.serialNumber ?? randomSerial(),
    name: nameOf(name),
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    keys,
    signingAlgorithm: signingAlgorithm(keys.privateKey),
    extensions: await extensionsOf(lib, options.extensions, keys.publicKey, null),
  });
  return toPem(cert.rawData, 'CERTIFICATE');
}

/** A certificate `issuer` signs for `publicKey`. */
export async function issueCertificate(
  issuer: CertificateAuthority,
  subject: DistinguishedName,
  publicKey: CryptoKey,
  options: IssueOptions,
): Promise<string> {
  return issue(issuer, nameOf(subject), publicKey, options);
}

async function issue(
  issuer: CertificateAuthority,
  subject: ReturnType<typeof nameOf> | X509.Name,
  publicKey: CryptoKey | X509.PublicKey,
  options: IssueOptions,
): Promise<string> {
  const [lib, issuerCert] = await Promise.all([loadX509(), certificateOf(issuer)]);
  const cert = await lib.X509CertificateGenerator.create({
    serialNumber: options.serialNumber ?? randomSerial(),
    subject,
    issuer: issuerCert.subjectName,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: signingAlgorithm(issuer.keys.privateKey),
    extensions: await extensionsOf(lib, options.extensions, publicKey, issuerCert),
  });
  return toPem(cert.rawData, 'CERTIFICATE');
}

/** A PKCS#10 request for `keys`, signed by its own private key. */
export async function createCsr(name: DistinguishedName, keys: CryptoKeyPair): Promise<string> {
  const lib = await loadX509();
  const csr = await lib.Pkcs10CertificateRequestGenerator.create({
    name: nameOf(name),
    keys,
    signingAlgorithm: signingAlgorithm(keys.privateKey),
  });
  return toPem(csr.rawData, 'CERTIFICATE REQUEST');
}

/**
 * Signs a CSR (what `openssl x509 -req -in <csr> -CA ca.crt -CAkey ca.key` does): the certificate holds the CSR's
 * subject and key. Throws when the text is not a CSR or its self-signature does not verify.
 */
export async function signCsr(csrPem: string, issuer: CertificateAuthority, options: IssueOptions): Promise<string> {
  const read = await readCsr(csrPem);
  if (!read.ok) throw new Error(serviceReadMessage(read.problem, 'csr', 'CSR'));
  if (!(await read.value.verify())) throw new Error('The CSR signature does not verify with its own public key.');
  return issue(issuer, read.value.subjectName, read.value.publicKey, options);
}
