/**
 * Real X.509 material for the CloudHSM emulator: the cluster CSR, the HSM certificate chain and the
 * InitializeCluster certificate checks.
 *
 * Isomorphic on purpose (Node 20 and browsers): only `globalThis.crypto` (WebCrypto) and
 * `@peculiar/x509`, no `node:` imports.
 *
 * `@peculiar/x509` is loaded lazily (`loadX509()`): it is large, and only certificate work needs it,
 * so a browser bundle can keep it out of the first chunk.
 */
// @peculiar/x509 2.x uses tsyringe, which needs the Reflect metadata API installed before it loads.
import 'reflect-metadata';
import type * as X509 from '@peculiar/x509';

// ---------------------------------------------------------------------------------------------
// Library loading
// ---------------------------------------------------------------------------------------------

let x509Module: Promise<typeof X509> | undefined;

/** Loads `@peculiar/x509` once, with WebCrypto as its crypto provider. */
export function loadX509(): Promise<typeof X509> {
  x509Module ??= import('@peculiar/x509').then((lib) => {
    lib.cryptoProvider.set(globalThis.crypto);
    return lib;
  });
  return x509Module;
}

// ---------------------------------------------------------------------------------------------
// PEM helpers
// ---------------------------------------------------------------------------------------------

export type PemLabel = 'CERTIFICATE' | 'CERTIFICATE REQUEST';

/**
 * Our own PEM encoder: `@peculiar/x509`'s `toString('pem')` has no trailing newline, and we want a
 * byte-exact, documented format (64-char base64 lines, `\n`, final newline) that matches the
 * CloudHSM API's Cert pattern.
 */
export function toPem(der: ArrayBuffer | Uint8Array, label: PemLabel): string {
  const bytes = der instanceof Uint8Array ? der : new Uint8Array(der);
  let binary = '';
  // Chunked so that String.fromCharCode's argument count stays far below engine limits.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

interface PemBlock {
  label: string;
  body: string;
}

function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const re = /-----BEGIN ([^-\n]+)-----([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push({ label: m[1] ?? '', body: m[2] ?? '' });
  }
  return blocks;
}

function base64ToBytes(body: string): Uint8Array<ArrayBuffer> | null {
  const b64 = body.replace(/\s+/g, '');
  if (b64.length === 0 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Total length of the outer DER SEQUENCE, or null when the header is malformed. Used to reject
 * trailing garbage, which the ASN.1 parser silently ignores.
 */
function derSequenceLength(bytes: Uint8Array): number | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return null;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return 2 + count + length;
}

/** Parses a PEM that must hold exactly one block of `label`; returns the DER or a reason. */
function decodeSinglePem(text: string, label: PemLabel, what: string): Uint8Array<ArrayBuffer> | string {
  const blocks = pemBlocks(text.replace(/\r\n?/g, '\n'));
  if (blocks.length === 0) {
    return `The ${what} is not a PEM-encoded ${label === 'CERTIFICATE' ? 'X.509 certificate' : 'certificate request'}.`;
  }
  if (blocks.length > 1) {
    return `The ${what} must contain exactly one PEM block, but ${blocks.length} were found.`;
  }
  const block = blocks[0] as PemBlock;
  if (block.label !== label) {
    return `The ${what} is a PEM "${block.label}" block, not a "${label}".`;
  }
  const der = base64ToBytes(block.body);
  if (!der) return `The ${what} is not valid PEM: its body is not valid base64.`;
  if (derSequenceLength(der) !== der.length) {
    return `The ${what} is not valid DER: the PEM body is not a single ASN.1 SEQUENCE.`;
  }
  return der;
}

function parseCertificate(x509: typeof X509, pem: string, what: string): X509.X509Certificate | string {
  const der = decodeSinglePem(pem, 'CERTIFICATE', what);
  if (typeof der === 'string') return der;
  try {
    const cert = new x509.X509Certificate(der);
    // Touch the lazily decoded fields so that broken structures fail here, not in a later check.
    void cert.subject;
    void cert.issuer;
    void cert.publicKey.algorithm;
    void cert.notBefore;
    void cert.notAfter;
    void cert.extensions;
    return cert;
  } catch {
    return `The ${what} could not be parsed as an X.509 certificate.`;
  }
}

function parseCsr(x509: typeof X509, pem: string, what: string): X509.Pkcs10CertificateRequest | string {
  const der = decodeSinglePem(pem, 'CERTIFICATE REQUEST', what);
  if (typeof der === 'string') return der;
  try {
    const csr = new x509.Pkcs10CertificateRequest(der);
    void csr.subject;
    void csr.publicKey.algorithm;
    return csr;
  } catch {
    return `The ${what} could not be parsed as a PKCS#10 certificate request.`;
  }
}

// ---------------------------------------------------------------------------------------------
// Key and certificate generation
// ---------------------------------------------------------------------------------------------

const RSA_2048: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** Certificates start slightly in the past so that small clock differences do not make them "not yet valid". */
const BACKDATE_MS = 60 * 60 * 1000;

function generateRsaKeyPair(): Promise<CryptoKeyPair> {
  // Private keys are non-extractable: they "live in the HSM" / CA and are never exported.
  return globalThis.crypto.subtle.generateKey(RSA_2048, false, ['sign', 'verify']);
}

/** A random positive 16-byte serial number (RFC 5280 allows up to 20 octets). */
function randomSerial(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01; // positive and no leading zero octet
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A DN as ordered RDNs; the JSON form keeps values with commas (", for FIPS mode") intact. */
type Dn = Array<Record<string, string[]>>;
const dn = (pairs: Array<[string, string]>): Dn => pairs.map(([k, v]) => ({ [k]: [v] }));

interface CaMaterial {
  cert: X509.X509Certificate;
  privateKey: CryptoKey;
  pem: string;
}

async function createRootCa(
  x509: typeof X509,
  keys: CryptoKeyPair,
  name: Dn,
  notBefore: Date,
  years: number,
): Promise<CaMaterial> {
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name,
    notBefore,
    notAfter: new Date(notBefore.getTime() + years * 365 * DAY_MS),
    keys,
    signingAlgorithm: RSA_2048,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, privateKey: keys.privateKey, pem: toPem(cert.rawData, 'CERTIFICATE') };
}

async function createIntermediateCa(
  x509: typeof X509,
  keys: CryptoKeyPair,
  issuer: CaMaterial,
  name: Dn,
  notBefore: Date,
  years: number,
): Promise<CaMaterial> {
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: name,
    issuer: issuer.cert.subjectName,
    notBefore,
    notAfter: new Date(notBefore.getTime() + years * 365 * DAY_MS),
    publicKey: keys.publicKey,
    signingKey: issuer.privateKey,
    signingAlgorithm: RSA_2048,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.cert.publicKey),
    ],
  });
  return { cert, privateKey: keys.privateKey, pem: toPem(cert.rawData, 'CERTIFICATE') };
}

/** Issues an end-entity certificate for `publicKey` (the cluster key for the HSM cert, a CSR key for the test CA). */
async function issueEndEntity(
  x509: typeof X509,
  issuer: CaMaterial,
  subject: X509.Name | Dn,
  publicKey: X509.PublicKey,
  notBefore: Date,
  notAfter: Date,
): Promise<X509.X509Certificate> {
  return x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject,
    issuer: issuer.cert.subjectName,
    notBefore,
    notAfter,
    publicKey,
    signingKey: issuer.privateKey,
    signingAlgorithm: RSA_2048,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.cert.publicKey),
    ],
  });
}

/**
 * Lazily created, shared promises: RSA generation is slow, and concurrent first callers must share
 * one generation. A failed generation is forgotten so that the next call retries.
 */
function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => {
    if (!cached) {
      const p = make();
      cached = p;
      p.catch(() => {
        if (cached === p) cached = undefined;
      });
    }
    return cached;
  };
}

interface HardwareChain {
  manufacturer: CaMaterial;
  aws: CaMaterial;
}

const hardwareChain = lazy<HardwareChain>(async () => {
  const x509 = await loadX509();
  // WebCrypto generates keys off the main thread (in Node at least), so both keys are made concurrently.
  const [rootKeys, awsKeys] = await Promise.all([generateRsaKeyPair(), generateRsaKeyPair()]);
  const notBefore = new Date(Date.now() - DAY_MS);
  // Names imitate the real vendors but say "Emulator", so nobody mistakes them for real roots.
  const manufacturer = await createRootCa(
    x509,
    rootKeys,
    dn([
      ['C', 'US'],
      ['ST', 'California'],
      ['L', 'San Jose'],
      ['O', 'Cavium, Inc.'],
      ['OU', 'LiquidSecurity'],
      ['CN', 'LiquidSecurity Manufacturer Root CA (CloudHSM Emulator)'],
    ]),
    notBefore,
    25,
  );
  const aws = await createIntermediateCa(
    x509,
    awsKeys,
    manufacturer,
    dn([
      ['C', 'US'],
      ['ST', 'Virginia'],
      ['L', 'Herndon'],
      ['O', 'Amazon Web Services'],
      ['OU', 'CloudHSM'],
      ['CN', 'AWS CloudHSM Hardware CA (CloudHSM Emulator)'],
    ]),
    notBefore,
    20,
  );
  return { manufacturer, aws };
});

const customerTestCa = lazy<CaMaterial>(async () => {
  const x509 = await loadX509();
  return createRootCa(
    x509,
    await generateRsaKeyPair(),
    dn([
      ['C', 'US'],
      ['ST', 'Washington'],
      ['L', 'Seattle'],
      ['O', 'Example Customer'],
      ['OU', 'CloudHSM Emulator'],
      ['CN', 'Customer Root CA (CloudHSM Emulator test CA)'],
    ]),
    new Date(Date.now() - DAY_MS),
    20,
  );
});

/** Deterministic small numbers from an id, so the same HSM always gets the same serial in its CSR. */
async function idDigits(id: string): Promise<Uint8Array> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(id));
  return new Uint8Array(digest);
}

export interface HsmCertificateSet {
  ClusterCsr: string;
  HsmCertificate: string;
  AwsHardwareCertificate: string;
  ManufacturerHardwareCertificate: string;
}

/** Generates the cluster key pair, its CSR, and the HSM certificate chain for the first HSM of a cluster. */
export async function createHsmCertificates(input: {
  clusterId: string;
  hsmId: string;
  hsmType: string;
  mode?: 'FIPS' | 'NON_FIPS';
  /** Emulator clock; the HSM certificate's validity starts (slightly before) here. Defaults to the real time. */
  now?: Date;
}): Promise<HsmCertificateSet> {
  const x509 = await loadX509();
  // Start the shared chain and the per-cluster key concurrently: both are RSA generations.
  const [chain, clusterKeys, hsmHash, clusterHash] = await Promise.all([
    hardwareChain(),
    generateRsaKeyPair(),
    idDigits(input.hsmId),
    idDigits(input.clusterId),
  ]);

  // Real hsm1 subjects look like "CN=HSM:5.3G1941-ICM000590:PARTN:3, for FIPS mode".
  const serialNumber = (((hsmHash[0] ?? 0) << 16) | ((hsmHash[1] ?? 0) << 8) | (hsmHash[2] ?? 0)) % 1_000_000;
  const hsmSerial = `5.3G1941-ICM${String(serialNumber).padStart(6, '0')}`;
  const partition = ((clusterHash[0] ?? 0) % 32) + 1;
  const fips = (input.mode ?? 'FIPS') === 'FIPS';
  // hsm2m.* is Marvell LiquidSecurity 2 (Marvell bought Cavium); hsm1.* keeps the Cavium names.
  const vendor = input.hsmType.startsWith('hsm2') ? 'Marvell' : 'Cavium';
  const subject = dn([
    ['C', 'US'],
    ['ST', 'CA'],
    ['O', vendor],
    ['OU', fips ? 'N3FIPS' : 'N3'],
    ['L', 'SanJose'],
    ['CN', `HSM:${hsmSerial}:PARTN:${partition}, for ${fips ? 'FIPS' : 'NON-FIPS'} mode`],
  ]);

  // The CSR is signed by the cluster key itself; its private half is then simply dropped (it "stays in the HSM").
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: subject,
    keys: clusterKeys,
    signingAlgorithm: RSA_2048,
  });

  const now = input.now ?? new Date();
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  const hsmCert = await issueEndEntity(
    x509,
    chain.aws,
    subject,
    csr.publicKey,
    notBefore,
    new Date(notBefore.getTime() + 10 * 365 * DAY_MS),
  );

  return {
    ClusterCsr: toPem(csr.rawData, 'CERTIFICATE REQUEST'),
    HsmCertificate: toPem(hsmCert.rawData, 'CERTIFICATE'),
    AwsHardwareCertificate: chain.aws.pem,
    ManufacturerHardwareCertificate: chain.manufacturer.pem,
  };
}

/**
 * A self-signed cluster certificate for seed data / clusters created from a backup: signs the given CSR with a
 * freshly generated (cached) "customer" root CA and returns { signedCert, trustAnchor } PEMs. Also useful in tests.
 * `notBefore` (default: one hour before now) exists so tests can make expired certificates.
 */
export async function signCsrWithTestCa(
  csrPem: string,
  opts?: { validDays?: number; notBefore?: Date },
): Promise<{ signedCert: string; trustAnchor: string }> {
  const x509 = await loadX509();
  const csr = parseCsr(x509, csrPem, 'CSR');
  if (typeof csr === 'string') throw new Error(csr);
  if (!(await csr.verify())) throw new Error('The CSR signature does not verify with its own public key.');
  const ca = await customerTestCa();
  const notBefore = opts?.notBefore ?? new Date(Date.now() - BACKDATE_MS);
  const notAfter = new Date(notBefore.getTime() + (opts?.validDays ?? 3650) * DAY_MS);
  const cert = await issueEndEntity(x509, ca, csr.subjectName, csr.publicKey, notBefore, notAfter);
  return { signedCert: toPem(cert.rawData, 'CERTIFICATE'), trustAnchor: ca.pem };
}

// ---------------------------------------------------------------------------------------------
// InitializeCluster checks
// ---------------------------------------------------------------------------------------------

/** Names match when their DER is identical or their canonical text forms are (case/whitespace-insensitive, like OpenSSL). */
function namesEqual(a: X509.Name, b: X509.Name): boolean {
  if (bytesEqual(new Uint8Array(a.toArrayBuffer()), new Uint8Array(b.toArrayBuffer()))) return true;
  const canon = (n: X509.Name) => n.toString().toLowerCase().replace(/\s+/g, ' ').trim();
  return canon(a) === canon(b);
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** "RSA 2048" / "EC (P-256)" style description, and whether it is an accepted RSA 2048/4096 key. */
function describeKey(key: X509.PublicKey): { ok: boolean; text: string } {
  const alg = key.algorithm as Algorithm & { modulusLength?: unknown; namedCurve?: unknown };
  if (alg.name === 'RSASSA-PKCS1-v1_5' && typeof alg.modulusLength === 'number') {
    return { ok: alg.modulusLength === 2048 || alg.modulusLength === 4096, text: `RSA ${alg.modulusLength}` };
  }
  if (typeof alg.namedCurve === 'string') return { ok: false, text: `EC (${alg.namedCurve})` };
  return { ok: false, text: alg.name };
}

async function signatureVerifies(cert: X509.X509Certificate, issuer: X509.X509Certificate): Promise<boolean> {
  try {
    // signatureOnly: validity dates are checked separately, against the emulator's clock.
    return await cert.verify({ publicKey: issuer, signatureOnly: true });
  } catch {
    // e.g. a signature format that does not fit the issuer's key type.
    return false;
  }
}

/**
 * The InitializeCluster checks. Returns null when everything is fine, otherwise a message for a
 * CloudHsmInvalidRequestException (human readable, says what is wrong, e.g. "The trust anchor is not self-signed.").
 * Checks, in this order: both PEMs parse as X.509 certificates (exactly one cert each; say which one failed);
 * trust anchor is self-signed (issuer == subject AND its signature verifies with its own key);
 * if the trust anchor has extensions, BasicConstraints must be present with cA=true;
 * trust anchor key is RSA 2048 or 4096 (and the signed cert key is RSA 2048/4096);
 * signedCert is issued by the trust anchor (issuer name == anchor subject AND signature verifies with the anchor's key);
 * signedCert's public key equals the CSR's public key (compare SPKI bytes).
 * Also reject a signed cert that is not currently valid (notBefore/notAfter vs `now`).
 */
export async function verifyInitializationCertificates(input: {
  csrPem: string;
  signedCertPem: string;
  trustAnchorPem: string;
  now: Date;
}): Promise<string | null> {
  const x509 = await loadX509();

  const signed = parseCertificate(x509, input.signedCertPem, 'signed certificate (SignedCert)');
  if (typeof signed === 'string') return signed;
  const anchor = parseCertificate(x509, input.trustAnchorPem, 'trust anchor (TrustAnchor)');
  if (typeof anchor === 'string') return anchor;

  if (!namesEqual(anchor.issuerName, anchor.subjectName)) {
    return `The trust anchor is not self-signed: its issuer "${anchor.issuer}" differs from its subject "${anchor.subject}".`;
  }
  if (!(await signatureVerifies(anchor, anchor))) {
    return 'The trust anchor is not self-signed: its signature does not verify with its own public key.';
  }

  if (anchor.extensions.length > 0) {
    const bc = anchor.getExtension(x509.BasicConstraintsExtension);
    if (!bc) return 'The trust anchor has extensions but no BasicConstraints extension; it must be a CA certificate (cA=true).';
    if (!bc.ca) return 'The trust anchor is not a CA certificate: its BasicConstraints extension does not have cA=true.';
  }

  const anchorKey = describeKey(anchor.publicKey);
  if (!anchorKey.ok) return `The trust anchor's public key must be RSA 2048 or RSA 4096, but it is ${anchorKey.text}.`;
  const signedKey = describeKey(signed.publicKey);
  if (!signedKey.ok) return `The signed certificate's public key must be RSA 2048 or RSA 4096, but it is ${signedKey.text}.`;

  if (!namesEqual(signed.issuerName, anchor.subjectName)) {
    return `The signed certificate was not issued by the trust anchor: its issuer "${signed.issuer}" does not match the trust anchor's subject "${anchor.subject}".`;
  }
  if (!(await signatureVerifies(signed, anchor))) {
    return "The signed certificate was not issued by the trust anchor: its signature does not verify with the trust anchor's public key.";
  }

  const csr = parseCsr(x509, input.csrPem, 'cluster CSR');
  if (typeof csr === 'string') return csr;
  if (!bytesEqual(new Uint8Array(signed.publicKey.rawData), new Uint8Array(csr.publicKey.rawData))) {
    return "The signed certificate's public key does not match the cluster CSR's public key; sign the cluster's CSR (ClusterCsr).";
  }

  const t = input.now.getTime();
  if (t < signed.notBefore.getTime()) {
    return `The signed certificate is not yet valid: its validity starts at ${signed.notBefore.toISOString()}.`;
  }
  if (t > signed.notAfter.getTime()) {
    return `The signed certificate has expired: its validity ended at ${signed.notAfter.toISOString()}.`;
  }
  return null;
}
