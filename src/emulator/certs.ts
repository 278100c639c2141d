/**
 * The emulator's certificate authority: which CAs exist (the hardware chain every HSM certificate chains to, and
 * a customer CA for seed data and tests) and what the emulator issues with them (each cluster's key pair, CSR and
 * HSM certificate). Built on src/pki, which makes and checks certificates; the InitializeCluster checks are
 * src/pki's `verifyInitializationCertificates`.
 *
 * Isomorphic on purpose (Node 20 and browsers): src/pki uses only `globalThis.crypto` and loads its X.509
 * library on first use.
 */
import {
  createHardwareCas,
  createSelfSigned,
  DAY_MS,
  END_ENTITY_EXTENSIONS,
  generateKeyPair,
  issueHsmCertificates,
  ROOT_CA_EXTENSIONS,
  signCsr,
  yearsAfter,
  type CertificateAuthority,
  type DistinguishedName,
  type HardwareCas,
  type HsmCertificates,
} from '../pki';

/** Certificates start slightly in the past so that small clock differences do not make them "not yet valid". */
const BACKDATE_MS = 60 * 60 * 1000;

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

// Names imitate the real vendors but say "Emulator", so nobody mistakes them for real roots.
const MANUFACTURER_ROOT: DistinguishedName = [
  ['C', 'US'],
  ['ST', 'California'],
  ['L', 'San Jose'],
  ['O', 'Cavium, Inc.'],
  ['OU', 'LiquidSecurity'],
  ['CN', 'LiquidSecurity Manufacturer Root CA (CloudHSM Emulator)'],
];
const AWS_HARDWARE_CA: DistinguishedName = [
  ['C', 'US'],
  ['ST', 'Virginia'],
  ['L', 'Herndon'],
  ['O', 'Amazon Web Services'],
  ['OU', 'CloudHSM'],
  ['CN', 'AWS CloudHSM Hardware CA (CloudHSM Emulator)'],
];
const CUSTOMER_ROOT: DistinguishedName = [
  ['C', 'US'],
  ['ST', 'Washington'],
  ['L', 'Seattle'],
  ['O', 'Example Customer'],
  ['OU', 'CloudHSM Emulator'],
  ['CN', 'Customer Root CA (CloudHSM Emulator test CA)'],
];

const hardwareChain = lazy<HardwareCas>(() => createHardwareCas({ manufacturer: MANUFACTURER_ROOT, aws: AWS_HARDWARE_CA }));

const customerTestCa = lazy<CertificateAuthority>(async () => {
  const keys = await generateKeyPair();
  const notBefore = new Date(Date.now() - DAY_MS);
  return {
    keys,
    pem: await createSelfSigned(CUSTOMER_ROOT, keys, { notBefore, notAfter: yearsAfter(notBefore, 20), extensions: ROOT_CA_EXTENSIONS }),
  };
});

/** Deterministic small numbers from an id, so the same HSM always gets the same serial in its CSR. */
async function idDigits(id: string): Promise<Uint8Array> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(id));
  return new Uint8Array(digest);
}

export type HsmCertificateSet = HsmCertificates;

/** Generates the cluster key pair, its CSR, and the HSM certificate chain for the first HSM of a cluster. */
export async function createHsmCertificates(input: {
  clusterId: string;
  hsmId: string;
  hsmType: string;
  mode?: 'FIPS' | 'NON_FIPS';
  /** Emulator clock; the HSM certificate's validity starts (slightly before) here. Defaults to the real time. */
  now?: Date;
}): Promise<HsmCertificateSet> {
  // Start the shared chain and the per-cluster key concurrently: both are RSA generations.
  const [chain, clusterKeys, hsmHash, clusterHash] = await Promise.all([
    hardwareChain(),
    generateKeyPair(),
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
  const subject: DistinguishedName = [
    ['C', 'US'],
    ['ST', 'CA'],
    ['O', vendor],
    ['OU', fips ? 'N3FIPS' : 'N3'],
    ['L', 'SanJose'],
    ['CN', `HSM:${hsmSerial}:PARTN:${partition}, for ${fips ? 'FIPS' : 'NON-FIPS'} mode`],
  ];

  // The CSR is signed by the cluster key itself; its private half is then simply dropped (it "stays in the HSM").
  return issueHsmCertificates(chain, subject, clusterKeys, new Date((input.now ?? new Date()).getTime() - BACKDATE_MS));
}

/**
 * A self-signed cluster certificate for seed data / clusters created from a backup: signs the given CSR with a
 * freshly generated (cached) "customer" root CA and returns { signedCert, trustAnchor } PEMs. Also useful in tests.
 * `notBefore` (default: one hour before now) exists so tests can make expired certificates.
 * Throws when the text is not a CSR or its signature does not verify.
 */
export async function signCsrWithTestCa(
  csrPem: string,
  opts?: { validDays?: number; notBefore?: Date },
): Promise<{ signedCert: string; trustAnchor: string }> {
  const ca = await customerTestCa();
  const notBefore = opts?.notBefore ?? new Date(Date.now() - BACKDATE_MS);
  const notAfter = new Date(notBefore.getTime() + (opts?.validDays ?? 3650) * DAY_MS);
  const signedCert = await signCsr(csrPem, ca, { notBefore, notAfter, extensions: END_ENTITY_EXTENSIONS });
  return { signedCert, trustAnchor: ca.pem };
}
