/**
 * `checkInitializationCertificates`: the checks InitializeCluster makes on the signed cluster certificate and the
 * trust anchor, made in the browser before anything is sent, one result per check so a person sees exactly what
 * is wrong. They mirror the emulator's `verifyInitializationCertificates` (src/emulator/certs.ts), which follows
 * what AWS documents, plus the API's Cert constraint and both certificates' validity dates.
 * Never throws: bad input fails the checks that need it and skips the ones that cannot be made.
 */
import type * as X509 from '@peculiar/x509';
import { Cert } from '../../../aws/constraints';
import { CertificateDecodeError } from '../../certificates/pem.ts';
import {
  describePublicKey,
  formatName,
  loadX509,
  namesEqual,
  parseCertificate,
  parseCsr,
  sameKey,
  sha256Fingerprint,
  signedBy,
  validityAt,
} from '../../certificates/x509.ts';
import { certificateToSend, hasTextAroundBlock, pemBlocksOf } from './certificateText.ts';

export type InitCheckId =
  | 'signed-cert-format'
  | 'trust-anchor-format'
  | 'trust-anchor-self-signed'
  | 'trust-anchor-is-ca'
  | 'key-types'
  | 'signed-by-trust-anchor'
  | 'key-matches-csr'
  | 'signed-cert-valid'
  | 'trust-anchor-valid';

export type InitCheckStatus = 'pass' | 'fail' | 'skipped';

export interface InitCheck {
  id: InitCheckId;
  label: string;
  status: InitCheckStatus;
  /** Why it passed or failed, or what it needs before it can be made. */
  detail: string;
}

export interface InitializationCertificatesInput {
  /** The cluster's ClusterCsr (PEM); absent when the cluster has none. */
  csrPem: string | undefined;
  signedCertPem: string;
  trustAnchorPem: string;
  now: Date;
}

export const INIT_CHECK_LABELS: Record<InitCheckId, string> = {
  'signed-cert-format': 'The signed cluster certificate is one PEM X.509 certificate the API accepts',
  'trust-anchor-format': 'The trust anchor is one PEM X.509 certificate the API accepts',
  'trust-anchor-self-signed': 'The trust anchor is self-signed (a root CA)',
  'trust-anchor-is-ca': 'The trust anchor is a CA certificate',
  'key-types': 'Both keys are RSA 2048 or RSA 4096',
  'signed-by-trust-anchor': 'The signed certificate was issued by the trust anchor',
  'key-matches-csr': "The signed certificate's public key is the cluster CSR's key",
  'signed-cert-valid': 'The signed certificate is valid now',
  'trust-anchor-valid': 'The trust anchor is valid now',
};

type Field = 'signed' | 'anchor';
const NOUN: Record<Field, string> = { signed: 'signed cluster certificate', anchor: 'trust anchor' };

type Parsed = { ok: true; cert: X509.X509Certificate } | { ok: false; detail: string };
type Outcome = Omit<InitCheck, 'id' | 'label'>;

const pass = (detail: string): Outcome => ({ status: 'pass', detail });
const fail = (detail: string): Outcome => ({ status: 'fail', detail });
const skipped = (detail: string): Outcome => ({ status: 'skipped', detail });

const short = (fingerprint: string) => `${fingerprint.slice(0, 23)}…`;

/** A readable reason for text that is not a single PEM certificate, specific to what was given instead. */
function formatProblem(field: Field, text: string): string | null {
  if (text.trim() === '') return `No ${NOUN[field]} was given.`;
  const blocks = pemBlocksOf(text);
  if (blocks.length === 0) {
    if (/-----BEGIN [^-\r\n]+-----/.test(text)) {
      return 'The PEM block is incomplete: its "-----END …-----" line is missing or does not match the BEGIN line (was the text cut off?).';
    }
    return 'This is not a PEM certificate: there is no "-----BEGIN CERTIFICATE-----" line. Give the whole file, BEGIN and END lines included.';
  }
  if (blocks.length > 1) {
    const labels = blocks.map((b) => b.label).join(', ');
    return field === 'signed'
      ? `This holds ${blocks.length} PEM blocks (${labels}). Give only the cluster certificate, not a chain or bundle.`
      : `This holds ${blocks.length} PEM blocks (${labels}). Give only the root CA certificate that signed the cluster certificate: CloudHSM accepts no intermediate CAs.`;
  }
  const label = (blocks[0] as { label: string }).label;
  if (label === 'CERTIFICATE REQUEST' || label === 'NEW CERTIFICATE REQUEST') {
    return field === 'signed'
      ? 'This is a certificate request (CSR), not a certificate: sign the cluster CSR with your CA (step 3) and give the certificate that comes out.'
      : 'This is a certificate request (CSR), not a certificate: the trust anchor is your CA\'s own certificate (customerCA.crt).';
  }
  if (label.includes('PRIVATE KEY')) {
    return 'This is a private key, not a certificate. Never share a private key: nothing was sent. Give the certificate instead.';
  }
  if (label !== 'CERTIFICATE') return `This is a PEM "${label}" block, not a "CERTIFICATE".`;
  return null;
}

async function parseField(field: Field, text: string): Promise<Parsed> {
  const problem = formatProblem(field, text);
  if (problem) return { ok: false, detail: problem };
  try {
    return { ok: true, cert: await parseCertificate(text) };
  } catch (err) {
    const message = err instanceof CertificateDecodeError || err instanceof Error ? err.message : String(err);
    return { ok: false, detail: message };
  }
}

/** The API's Cert constraint (length and pattern) on what would be sent. */
function constraintProblem(text: string): string | null {
  const sent = certificateToSend(text);
  if (Cert.max !== undefined && sent.length > Cert.max) {
    return `It is ${sent.length.toLocaleString('en-US')} characters long; InitializeCluster accepts at most ${Cert.max.toLocaleString('en-US')}.`;
  }
  if (Cert.pattern && !Cert.pattern.test(sent)) {
    return 'It holds characters InitializeCluster refuses (only letters, digits, whitespace and + , - . / = are allowed).';
  }
  return null;
}

const isAcceptedKey = (cert: X509.X509Certificate) => {
  const key = describePublicKey(cert.publicKey);
  return key.algorithm === 'RSA' && (key.size === 2048 || key.size === 4096);
};

/**
 * Runs every check in a fixed order: both inputs' form, the trust anchor (self-signed, CA), the key types, the
 * signature link, the CSR key, and both validity periods at `now`.
 */
export async function checkInitializationCertificates(input: InitializationCertificatesInput): Promise<InitCheck[]> {
  const signedText = typeof input?.signedCertPem === 'string' ? input.signedCertPem : '';
  const anchorText = typeof input?.trustAnchorPem === 'string' ? input.trustAnchorPem : '';
  const now = input?.now instanceof Date && !Number.isNaN(input.now.getTime()) ? input.now : new Date();
  const csrText = typeof input?.csrPem === 'string' && input.csrPem.trim() !== '' ? input.csrPem : undefined;

  await loadX509();
  const [signed, anchor, csr] = await Promise.all([
    parseField('signed', signedText),
    parseField('anchor', anchorText),
    csrText
      ? parseCsr(csrText).then(
          (value) => ({ ok: true as const, value }),
          (err: unknown) => ({ ok: false as const, detail: `The cluster CSR cannot be read: ${err instanceof Error ? err.message : String(err)}` }),
        )
      : Promise.resolve(null),
  ]);

  const csrKey = csr?.ok ? csr.value.publicKey : null;
  const anchorSelfSigned = anchor.ok && namesEqual(anchor.cert.issuerName, anchor.cert.subjectName) && (await signedBy(anchor.cert, anchor.cert));
  const signedSelfSigned = signed.ok && namesEqual(signed.cert.issuerName, signed.cert.subjectName) && (await signedBy(signed.cert, signed.cert));
  // Swapped boxes: the anchor box holds the cluster's certificate (the CSR's key, or issued by the other box's
  // self-signed certificate), and the signed box holds a root.
  const anchorLooksLikeClusterCert =
    anchor.ok &&
    !anchorSelfSigned &&
    ((csrKey !== null && sameKey(anchor.cert.publicKey, csrKey)) ||
      (signed.ok && signedSelfSigned && namesEqual(anchor.cert.issuerName, signed.cert.subjectName) && (await signedBy(anchor.cert, signed.cert))));
  const swapped = anchorLooksLikeClusterCert && signed.ok && signedSelfSigned;
  const SWAP_FOR_SIGNED = 'This looks like the trust anchor, and the trust anchor box holds the cluster certificate: did you swap them?';
  const SWAP_FOR_ANCHOR = 'This looks like the signed cluster certificate (the cluster CSR\'s key, issued by the certificate in the other box): did you swap them?';

  const needs = (...fields: Field[]): Outcome | null => {
    const missing = fields.filter((f) => !(f === 'signed' ? signed : anchor).ok).map((f) => NOUN[f]);
    return missing.length > 0 ? skipped(`Needs a readable ${missing.join(' and a readable ')}.`) : null;
  };

  const format = (field: Field, text: string, parsed: Parsed): Outcome => {
    if (!parsed.ok) return fail(parsed.detail);
    const problem = constraintProblem(text);
    if (problem) return fail(problem);
    const around = hasTextAroundBlock(text) ? ' The text around the PEM block will not be sent.' : '';
    return pass(`Subject "${formatName(parsed.cert.subjectName)}", ${describePublicKey(parsed.cert.publicKey).description}.${around}`);
  };

  const checks: Array<[InitCheckId, () => Promise<Outcome> | Outcome]> = [
    ['signed-cert-format', () => format('signed', signedText, signed)],
    ['trust-anchor-format', () => format('anchor', anchorText, anchor)],
    [
      'trust-anchor-self-signed',
      async () => {
        if (!anchor.ok) return needs('anchor') as Outcome;
        const { cert } = anchor;
        if (anchorSelfSigned) return pass(`Issued by itself: "${formatName(cert.subjectName)}".`);
        const hint = anchorLooksLikeClusterCert ? ` ${SWAP_FOR_ANCHOR}` : ' The trust anchor must be the root CA certificate itself; intermediate CAs are not allowed.';
        if (!namesEqual(cert.issuerName, cert.subjectName)) {
          return fail(`It is not self-signed: its issuer "${formatName(cert.issuerName)}" differs from its subject "${formatName(cert.subjectName)}".${hint}`);
        }
        return fail(`Its issuer is its own subject, but its signature does not verify with its own public key.${hint}`);
      },
    ],
    [
      'trust-anchor-is-ca',
      async () => {
        if (!anchor.ok) return needs('anchor') as Outcome;
        const { cert } = anchor;
        if (cert.extensions.length === 0) {
          return pass('It has no X.509 v3 extensions (a version 1 certificate), so no BasicConstraints is required.');
        }
        const x509 = await loadX509();
        let ca: boolean | null = null;
        try {
          ca = cert.getExtension(x509.BasicConstraintsExtension)?.ca ?? null;
        } catch {
          return fail('Its BasicConstraints extension cannot be read.');
        }
        const hint = anchorLooksLikeClusterCert ? ` ${SWAP_FOR_ANCHOR}` : '';
        if (ca === null) return fail(`It has X.509 v3 extensions but no BasicConstraints extension; a trust anchor must say cA=true.${hint}`);
        if (!ca) return fail(`Its BasicConstraints extension says cA=false: it is not a CA certificate.${hint}`);
        return pass('Its BasicConstraints extension says cA=true.');
      },
    ],
    [
      'key-types',
      () => {
        const early = needs('signed', 'anchor');
        if (early || !signed.ok || !anchor.ok) return early as Outcome;
        const signedKey = describePublicKey(signed.cert.publicKey).description;
        const anchorKey = describePublicKey(anchor.cert.publicKey).description;
        const wrong = [
          ...(isAcceptedKey(signed.cert) ? [] : [`the signed certificate's key is ${signedKey}`]),
          ...(isAcceptedKey(anchor.cert) ? [] : [`the trust anchor's key is ${anchorKey}`]),
        ];
        if (wrong.length > 0) return fail(`CloudHSM accepts only RSA 2048 and RSA 4096 keys, but ${wrong.join(' and ')}.`);
        return pass(`The signed certificate's key is ${signedKey}; the trust anchor's is ${anchorKey}.`);
      },
    ],
    [
      'signed-by-trust-anchor',
      async () => {
        const early = needs('signed', 'anchor');
        if (early || !signed.ok || !anchor.ok) return early as Outcome;
        const hint = swapped ? ` ${SWAP_FOR_SIGNED}` : '';
        if (!namesEqual(signed.cert.issuerName, anchor.cert.subjectName)) {
          return fail(
            `Its issuer "${formatName(signed.cert.issuerName)}" is not the trust anchor's subject "${formatName(anchor.cert.subjectName)}": another CA issued it.${hint}`,
          );
        }
        if (!(await signedBy(signed.cert, anchor.cert))) {
          return fail(`Its issuer has the trust anchor's name, but its signature does not verify with the trust anchor's public key: another CA with the same name signed it.${hint}`);
        }
        return pass(`Issued by "${formatName(anchor.cert.subjectName)}"; the signature verifies with the trust anchor's public key.`);
      },
    ],
    [
      'key-matches-csr',
      async () => {
        if (!csr) return skipped('The cluster has no CSR to compare with.');
        if (!csr.ok) return fail(csr.detail);
        if (!signed.ok) return needs('signed') as Outcome;
        const [certKey, requestKey] = await Promise.all([sha256Fingerprint(signed.cert.publicKey.rawData), sha256Fingerprint(csr.value.publicKey.rawData)]);
        if (sameKey(signed.cert.publicKey, csr.value.publicKey)) return pass(`Both are the key with SHA-256 ${short(certKey)}.`);
        const hint = swapped ? ` ${SWAP_FOR_SIGNED}` : " It was made for another key: sign this cluster's CSR.";
        return fail(`Its public key (SHA-256 ${short(certKey)}) is not the cluster CSR's key (SHA-256 ${short(requestKey)}).${hint}`);
      },
    ],
    ['signed-cert-valid', () => validity('signed', signed, now, needs)],
    ['trust-anchor-valid', () => validity('anchor', anchor, now, needs)],
  ];

  return Promise.all(
    checks.map(async ([id, run]): Promise<InitCheck> => {
      try {
        return { id, label: INIT_CHECK_LABELS[id], ...(await run()) };
      } catch (err) {
        // A library surprise fails this one check, never the whole list.
        return { id, label: INIT_CHECK_LABELS[id], status: 'fail', detail: `The check could not be completed: ${err instanceof Error ? err.message : String(err)}` };
      }
    }),
  );
}

function validity(field: Field, parsed: Parsed, now: Date, needs: (...fields: Field[]) => Outcome | null): Outcome {
  if (!parsed.ok) return needs(field) as Outcome;
  const { notBefore, notAfter } = parsed.cert;
  switch (validityAt(notBefore, notAfter, now)) {
    case 'expired':
      return fail(`It expired on ${notAfter.toISOString()}.`);
    case 'not-yet-valid':
      return fail(`It is not valid until ${notBefore.toISOString()}.`);
    default:
      return pass(`Valid from ${notBefore.toISOString()} until ${notAfter.toISOString()}.`);
  }
}

/** Every check passed (the only state in which InitializeCluster is worth sending). */
export const allChecksPass = (checks: readonly InitCheck[] | null | undefined): boolean =>
  Boolean(checks && checks.length > 0 && checks.every((c) => c.status === 'pass'));
