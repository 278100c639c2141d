/**
 * `verifyChain`: the CloudHSM certificate checks a browser can make on its own, from the PEMs that
 * DescribeClusters returns (Certificates.HsmCertificate, AwsHardwareCertificate, ManufacturerHardwareCertificate,
 * ClusterCsr, ClusterCertificate). Never throws: bad input fails the checks that need it, with a reason.
 */
import { matchCsrKey, shortFingerprint } from './csr';
import { readProblemMessage } from './problems';
import type { PemKind } from './pem';
import { formatName, namesEqual, readCertificate, readCsr, signedBy, validityAt, type Certificate, type Read } from './x509';

export interface ChainInput {
  hsm?: string;
  awsHardware?: string;
  manufacturerHardware?: string;
  clusterCsr?: string;
  clusterCertificate?: string;
}

export type ChainCheckId =
  | 'hsm-signed-by-aws-hardware'
  | 'aws-hardware-signed-by-manufacturer'
  | 'manufacturer-self-signed'
  | 'hsm-key-matches-csr'
  | 'cluster-certificate-key-matches-csr'
  | 'hsm-valid'
  | 'aws-hardware-valid'
  | 'manufacturer-valid'
  | 'cluster-certificate-valid';

export type ChainCheckStatus = 'pass' | 'fail' | 'unavailable';

export interface ChainCheck {
  id: ChainCheckId;
  /** What is checked, as a sentence for the UI. */
  label: string;
  status: ChainCheckStatus;
  /** Why it passed, failed or could not be made. */
  detail: string;
}

type Slot = keyof ChainInput;

const NOUN: Record<Slot, string> = {
  hsm: 'HSM certificate',
  awsHardware: 'AWS hardware certificate',
  manufacturerHardware: 'manufacturer hardware certificate',
  clusterCsr: 'cluster CSR',
  clusterCertificate: 'cluster certificate',
};

type Parsed<T> = { kind: 'missing' } | { kind: 'error'; detail: string } | { kind: 'ok'; value: T };

function missingOrError(slot: Slot, parsed: Parsed<unknown>): Omit<ChainCheck, 'id' | 'label'> | null {
  if (parsed.kind === 'missing') return { status: 'unavailable', detail: `No ${NOUN[slot]} is available.` };
  if (parsed.kind === 'error') return { status: 'fail', detail: parsed.detail };
  return null;
}

async function parseSlot<T>(
  slot: Slot,
  pem: string | undefined,
  kind: PemKind,
  read: (pem: string) => Promise<Read<T>>,
): Promise<Parsed<T>> {
  if (typeof pem !== 'string' || pem.trim() === '') return { kind: 'missing' };
  let result: Read<T>;
  try {
    result = await read(pem);
  } catch (err) {
    // The library could not be loaded (e.g. a chunk that failed to download): this input cannot be read now.
    return { kind: 'error', detail: `The ${NOUN[slot]} cannot be read: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (result.ok) return { kind: 'ok', value: result.value };
  return { kind: 'error', detail: `The ${NOUN[slot]} cannot be read: ${readProblemMessage(result.problem, kind)}` };
}

/**
 * Runs every check, in a fixed order (chain signatures, key matches, then each certificate's validity at `now`).
 * A check is 'unavailable' when an input it needs is missing, 'fail' (with the reason) when an input is unreadable
 * or the check does not hold.
 */
export async function verifyChain(certs: ChainInput, now: Date): Promise<ChainCheck[]> {
  const input: ChainInput = certs && typeof certs === 'object' ? certs : {};
  const [hsm, aws, manufacturer, clusterCert, csr] = await Promise.all([
    parseSlot('hsm', input.hsm, 'certificate', readCertificate),
    parseSlot('awsHardware', input.awsHardware, 'certificate', readCertificate),
    parseSlot('manufacturerHardware', input.manufacturerHardware, 'certificate', readCertificate),
    parseSlot('clusterCertificate', input.clusterCertificate, 'certificate', readCertificate),
    parseSlot('clusterCsr', input.clusterCsr, 'csr', readCsr),
  ]);
  const certOf: Record<'hsm' | 'awsHardware' | 'manufacturerHardware' | 'clusterCertificate', Parsed<Certificate>> = {
    hsm,
    awsHardware: aws,
    manufacturerHardware: manufacturer,
    clusterCertificate: clusterCert,
  };

  async function issuedBy(child: 'hsm' | 'awsHardware', parent: 'awsHardware' | 'manufacturerHardware') {
    const c = certOf[child];
    const p = certOf[parent];
    const early = missingOrError(child, c) ?? missingOrError(parent, p);
    if (early || c.kind !== 'ok' || p.kind !== 'ok') return early as Omit<ChainCheck, 'id' | 'label'>;
    if (!namesEqual(c.value.issuerName, p.value.subjectName)) {
      return {
        status: 'fail' as const,
        detail: `The ${NOUN[child]}'s issuer "${formatName(c.value.issuerName)}" is not the ${NOUN[parent]}'s subject "${formatName(p.value.subjectName)}".`,
      };
    }
    if (!(await signedBy(c.value, p.value))) {
      return {
        status: 'fail' as const,
        detail: `The ${NOUN[child]}'s signature does not verify with the ${NOUN[parent]}'s public key.`,
      };
    }
    return {
      status: 'pass' as const,
      detail: `Issued by "${formatName(p.value.subjectName)}"; the signature verifies with its public key.`,
    };
  }

  async function selfSigned(slot: 'manufacturerHardware') {
    const c = certOf[slot];
    const early = missingOrError(slot, c);
    if (early || c.kind !== 'ok') return early as Omit<ChainCheck, 'id' | 'label'>;
    if (!namesEqual(c.value.issuerName, c.value.subjectName)) {
      return {
        status: 'fail' as const,
        detail: `The ${NOUN[slot]} is not self-signed: its issuer "${formatName(c.value.issuerName)}" differs from its subject "${formatName(c.value.subjectName)}".`,
      };
    }
    if (!(await signedBy(c.value, c.value))) {
      return {
        status: 'fail' as const,
        detail: `The ${NOUN[slot]} is not self-signed: its signature does not verify with its own public key.`,
      };
    }
    return { status: 'pass' as const, detail: `Self-signed by "${formatName(c.value.subjectName)}".` };
  }

  async function keyMatchesCsr(slot: 'hsm' | 'clusterCertificate') {
    const c = certOf[slot];
    const early = missingOrError(slot, c) ?? missingOrError('clusterCsr', csr);
    if (early || c.kind !== 'ok' || csr.kind !== 'ok') return early as Omit<ChainCheck, 'id' | 'label'>;
    const match = await matchCsrKey(c.value.publicKey, csr.value);
    const certKey = shortFingerprint(match.keyFingerprint);
    if (!match.matches) {
      return {
        status: 'fail' as const,
        detail: `The ${NOUN[slot]}'s public key (SHA-256 ${certKey}) is not the cluster CSR's public key (SHA-256 ${shortFingerprint(match.csrKeyFingerprint)}): they belong to different key pairs.`,
      };
    }
    return { status: 'pass' as const, detail: `Both hold the same public key (SHA-256 ${certKey}).` };
  }

  async function currentlyValid(slot: 'hsm' | 'awsHardware' | 'manufacturerHardware' | 'clusterCertificate') {
    const c = certOf[slot];
    const early = missingOrError(slot, c);
    if (early || c.kind !== 'ok') return early as Omit<ChainCheck, 'id' | 'label'>;
    const { notBefore, notAfter } = c.value;
    switch (validityAt(notBefore, notAfter, now)) {
      case 'expired':
        return { status: 'fail' as const, detail: `The ${NOUN[slot]} expired on ${notAfter.toISOString()}.` };
      case 'not-yet-valid':
        return { status: 'fail' as const, detail: `The ${NOUN[slot]} is not valid until ${notBefore.toISOString()}.` };
      default:
        return {
          status: 'pass' as const,
          detail: `Valid from ${notBefore.toISOString()} until ${notAfter.toISOString()}.`,
        };
    }
  }

  const plan: Array<[ChainCheckId, string, () => Promise<Omit<ChainCheck, 'id' | 'label'>>]> = [
    ['hsm-signed-by-aws-hardware', 'The HSM certificate is signed by the AWS hardware certificate', () => issuedBy('hsm', 'awsHardware')],
    [
      'aws-hardware-signed-by-manufacturer',
      'The AWS hardware certificate is signed by the manufacturer hardware certificate',
      () => issuedBy('awsHardware', 'manufacturerHardware'),
    ],
    ['manufacturer-self-signed', 'The manufacturer hardware certificate is self-signed', () => selfSigned('manufacturerHardware')],
    ['hsm-key-matches-csr', "The HSM certificate's public key is the cluster CSR's public key", () => keyMatchesCsr('hsm')],
    [
      'cluster-certificate-key-matches-csr',
      "The cluster certificate's public key is the cluster CSR's public key",
      () => keyMatchesCsr('clusterCertificate'),
    ],
    ['hsm-valid', 'The HSM certificate is currently valid', () => currentlyValid('hsm')],
    ['aws-hardware-valid', 'The AWS hardware certificate is currently valid', () => currentlyValid('awsHardware')],
    ['manufacturer-valid', 'The manufacturer hardware certificate is currently valid', () => currentlyValid('manufacturerHardware')],
    ['cluster-certificate-valid', 'The cluster certificate is currently valid', () => currentlyValid('clusterCertificate')],
  ];

  return Promise.all(
    plan.map(async ([id, label, run]): Promise<ChainCheck> => {
      try {
        return { id, label, ...(await run()) };
      } catch (err) {
        // Defensive: a library surprise fails this one check instead of the whole view.
        const message = err instanceof Error ? err.message : String(err);
        return { id, label, status: 'fail', detail: `The check could not be completed: ${message}` };
      }
    }),
  );
}
