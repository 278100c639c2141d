/**
 * The checks InitializeCluster makes on the signed cluster certificate and the trust anchor: one implementation
 * for both sides of the wire.
 *  - The emulator's InitializeCluster answers with `verifyInitializationCertificates`: null, or the service's
 *    message for the first check that fails.
 *  - The initialize flow shows `initializationChecks`: every check, with a detail a person can act on, made in the
 *    browser before anything is sent.
 * Each check decides once and words its outcome twice. A passing check carries no refusal, so the browser can never
 * pass what the service refuses. The browser is stricter in two ways only: the trust anchor must be valid now, and
 * without the cluster's CSR the key check is not made (so the flow cannot pass).
 */
import { hasTextAroundBlock } from './certificateText';
import { matchCsrKey, shortFingerprint } from './csr';
import { inspect, type Facts, type InitializationCertificatesInput } from './initializeFacts';
import { FIELD_NOUN, formatProblem, SWAP_FOR_ANCHOR, SWAP_FOR_SIGNED, type Field } from './initializeWording';
import { describePublicKey, initializationKeyText, isInitializationKey } from './keys';
import { readProblemMessage, serviceReadMessage } from './problems';
import { formatName, loadX509, namesEqual, signedBy, validityAt } from './x509';

export type { InitializationCertificatesInput } from './initializeFacts';

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

/**
 * A check's outcome. A failure says what InitializeCluster answers for it (`refusal`), or null where only the
 * dashboard refuses; a pass has no refusal by its type.
 */
export type Outcome =
  { status: 'pass'; detail: string } | { status: 'skipped'; detail: string } | { status: 'fail'; detail: string; refusal: string | null };

const pass = (detail: string): Outcome => ({ status: 'pass', detail });
const skipped = (detail: string): Outcome => ({ status: 'skipped', detail });
const fail = (detail: string, refusal: string | null): Outcome => ({ status: 'fail', detail, refusal });

/** How the API names each input in its messages. */
const WHAT: Record<Field, string> = { signed: 'signed certificate (SignedCert)', anchor: 'trust anchor (TrustAnchor)' };

/** The skip for a check that needs certificates another check could not read. */
function needs(facts: Facts, ...fields: Field[]): Outcome | null {
  const missing = fields.filter((f) => !facts.cert[f].ok).map((f) => FIELD_NOUN[f]);
  return missing.length > 0 ? skipped(`Needs a readable ${missing.join(' and a readable ')}.`) : null;
}

function format(facts: Facts, field: Field): Outcome {
  const read = facts.cert[field];
  const text = facts.text[field];
  if (!read.ok) return fail(formatProblem(field, text, read.problem), serviceReadMessage(read.problem, 'certificate', WHAT[field]));
  const around = hasTextAroundBlock(text) ? ' The text around the PEM block will not be sent.' : '';
  return pass(`Subject "${formatName(read.value.subjectName)}", ${describePublicKey(read.value.publicKey).description}.${around}`);
}

async function anchorSelfSigned(facts: Facts): Promise<Outcome> {
  const anchor = facts.cert.anchor;
  if (!anchor.ok) return needs(facts, 'anchor') as Outcome;
  const cert = anchor.value;
  const hint = facts.anchorLooksLikeClusterCert
    ? ` ${SWAP_FOR_ANCHOR}`
    : ' The trust anchor must be the root CA certificate itself; intermediate CAs are not allowed.';
  if (!namesEqual(cert.issuerName, cert.subjectName)) {
    return fail(
      `It is not self-signed: its issuer "${formatName(cert.issuerName)}" differs from its subject "${formatName(cert.subjectName)}".${hint}`,
      `The trust anchor is not self-signed: its issuer "${cert.issuer}" differs from its subject "${cert.subject}".`,
    );
  }
  if (!(await signedBy(cert, cert))) {
    return fail(
      `Its issuer is its own subject, but its signature does not verify with its own public key.${hint}`,
      'The trust anchor is not self-signed: its signature does not verify with its own public key.',
    );
  }
  return pass(`Issued by itself: "${formatName(cert.subjectName)}".`);
}

async function anchorIsCa(facts: Facts): Promise<Outcome> {
  const anchor = facts.cert.anchor;
  if (!anchor.ok) return needs(facts, 'anchor') as Outcome;
  if (anchor.value.extensions.length === 0) {
    return pass('It has no X.509 v3 extensions (a version 1 certificate), so no BasicConstraints is required.');
  }
  const x509 = await loadX509();
  // Extensions were decoded when the certificate was read, so this lookup cannot meet a malformed one.
  const ca = anchor.value.getExtension(x509.BasicConstraintsExtension)?.ca ?? null;
  const hint = facts.anchorLooksLikeClusterCert ? ` ${SWAP_FOR_ANCHOR}` : '';
  if (ca === null) {
    return fail(
      `It has X.509 v3 extensions but no BasicConstraints extension; a trust anchor must say cA=true.${hint}`,
      'The trust anchor has extensions but no BasicConstraints extension; it must be a CA certificate (cA=true).',
    );
  }
  if (!ca) {
    return fail(
      `Its BasicConstraints extension says cA=false: it is not a CA certificate.${hint}`,
      'The trust anchor is not a CA certificate: its BasicConstraints extension does not have cA=true.',
    );
  }
  return pass('Its BasicConstraints extension says cA=true.');
}

function keyTypes(facts: Facts): Outcome {
  const { signed, anchor } = facts.cert;
  const early = needs(facts, 'signed', 'anchor');
  if (early || !signed.ok || !anchor.ok) return early as Outcome;
  const signedKey = describePublicKey(signed.value.publicKey).description;
  const anchorKey = describePublicKey(anchor.value.publicKey).description;
  const anchorOk = isInitializationKey(anchor.value.publicKey);
  const signedOk = isInitializationKey(signed.value.publicKey);
  if (anchorOk && signedOk) return pass(`The signed certificate's key is ${signedKey}; the trust anchor's is ${anchorKey}.`);
  const wrong = [
    ...(signedOk ? [] : [`the signed certificate's key is ${signedKey}`]),
    ...(anchorOk ? [] : [`the trust anchor's key is ${anchorKey}`]),
  ];
  // The service looks at the trust anchor's key first.
  const refusal = anchorOk
    ? `The signed certificate's public key must be RSA 2048 or RSA 4096, but it is ${initializationKeyText(signed.value.publicKey)}.`
    : `The trust anchor's public key must be RSA 2048 or RSA 4096, but it is ${initializationKeyText(anchor.value.publicKey)}.`;
  return fail(`CloudHSM accepts only RSA 2048 and RSA 4096 keys, but ${wrong.join(' and ')}.`, refusal);
}

async function signedByAnchor(facts: Facts): Promise<Outcome> {
  const { signed, anchor } = facts.cert;
  const early = needs(facts, 'signed', 'anchor');
  if (early || !signed.ok || !anchor.ok) return early as Outcome;
  const hint = facts.swapped ? ` ${SWAP_FOR_SIGNED}` : '';
  if (!namesEqual(signed.value.issuerName, anchor.value.subjectName)) {
    return fail(
      `Its issuer "${formatName(signed.value.issuerName)}" is not the trust anchor's subject "${formatName(anchor.value.subjectName)}": another CA issued it.${hint}`,
      `The signed certificate was not issued by the trust anchor: its issuer "${signed.value.issuer}" does not match the trust anchor's subject "${anchor.value.subject}".`,
    );
  }
  if (!(await signedBy(signed.value, anchor.value))) {
    return fail(
      `Its issuer has the trust anchor's name, but its signature does not verify with the trust anchor's public key: another CA with the same name signed it.${hint}`,
      "The signed certificate was not issued by the trust anchor: its signature does not verify with the trust anchor's public key.",
    );
  }
  return pass(`Issued by "${formatName(anchor.value.subjectName)}"; the signature verifies with the trust anchor's public key.`);
}

async function keyMatchesCsr(facts: Facts): Promise<Outcome> {
  const { csr } = facts;
  const signed = facts.cert.signed;
  if (!csr) return skipped('The cluster has no CSR to compare with.');
  if (!csr.ok) {
    return fail(
      `The cluster CSR cannot be read: ${readProblemMessage(csr.problem, 'csr')}`,
      serviceReadMessage(csr.problem, 'csr', 'cluster CSR'),
    );
  }
  if (!signed.ok) return needs(facts, 'signed') as Outcome;
  const match = await matchCsrKey(signed.value.publicKey, csr.value);
  const certKey = shortFingerprint(match.keyFingerprint);
  if (match.matches) return pass(`Both are the key with SHA-256 ${certKey}.`);
  const hint = facts.swapped ? ` ${SWAP_FOR_SIGNED}` : " It was made for another key: sign this cluster's CSR.";
  return fail(
    `Its public key (SHA-256 ${certKey}) is not the cluster CSR's key (SHA-256 ${shortFingerprint(match.csrKeyFingerprint)}).${hint}`,
    "The signed certificate's public key does not match the cluster CSR's public key; sign the cluster's CSR (ClusterCsr).",
  );
}

/** Validity at `now`. The service refuses a signed certificate outside its dates; only the dashboard checks the anchor's. */
function validity(facts: Facts, field: Field): Outcome {
  const read = facts.cert[field];
  if (!read.ok) return needs(facts, field) as Outcome;
  const { notBefore, notAfter } = read.value;
  const service = field === 'signed';
  switch (validityAt(notBefore, notAfter, facts.now)) {
    case 'expired':
      return fail(
        `It expired on ${notAfter.toISOString()}.`,
        service ? `The signed certificate has expired: its validity ended at ${notAfter.toISOString()}.` : null,
      );
    case 'not-yet-valid':
      return fail(
        `It is not valid until ${notBefore.toISOString()}.`,
        service ? `The signed certificate is not yet valid: its validity starts at ${notBefore.toISOString()}.` : null,
      );
    default:
      return pass(`Valid from ${notBefore.toISOString()} until ${notAfter.toISOString()}.`);
  }
}

/** The checks in the order the service makes them: its answer is the first refusal in this list. */
const CHECKS: Array<[InitCheckId, (facts: Facts) => Outcome | Promise<Outcome>]> = [
  ['signed-cert-format', (f) => format(f, 'signed')],
  ['trust-anchor-format', (f) => format(f, 'anchor')],
  ['trust-anchor-self-signed', anchorSelfSigned],
  ['trust-anchor-is-ca', anchorIsCa],
  ['key-types', keyTypes],
  ['signed-by-trust-anchor', signedByAnchor],
  ['key-matches-csr', keyMatchesCsr],
  ['signed-cert-valid', (f) => validity(f, 'signed')],
  ['trust-anchor-valid', (f) => validity(f, 'anchor')],
];

export type Evaluation = { id: InitCheckId; outcome: Outcome } | { id: InitCheckId; error: unknown };

/**
 * Every check, in order. `service`: read the CSR as InitializeCluster does (always; the dashboard skips the key
 * check for a blank one). Exported for the tests that hold the two sides together; callers use the functions below.
 */
export async function evaluateInitialization(input: InitializationCertificatesInput, service = false): Promise<Evaluation[]> {
  const facts = await inspect(input, service);
  return Promise.all(
    CHECKS.map(async ([id, check]): Promise<Evaluation> => {
      try {
        return { id, outcome: await check(facts) };
      } catch (error) {
        return { id, error };
      }
    }),
  );
}

/** The dashboard's checks: one result per check, in a fixed order. Never throws. */
export async function initializationChecks(input: InitializationCertificatesInput): Promise<InitCheck[]> {
  return (await evaluateInitialization(input)).map((e): InitCheck => {
    const label = INIT_CHECK_LABELS[e.id];
    if ('outcome' in e) return { id: e.id, label, status: e.outcome.status, detail: e.outcome.detail };
    // A library surprise fails this one check, never the whole list.
    const message = e.error instanceof Error ? e.error.message : String(e.error);
    return { id: e.id, label, status: 'fail', detail: `The check could not be completed: ${message}` };
  });
}

/**
 * The InitializeCluster checks as the service makes them: null when the certificates are accepted, otherwise the
 * message of its CloudHsmInvalidRequestException for the first check that fails (e.g. "The trust anchor is not
 * self-signed: …"). An unexpected error in a check that decides the answer is thrown, not turned into a refusal.
 */
export async function verifyInitializationCertificates(input: {
  csrPem: string;
  signedCertPem: string;
  trustAnchorPem: string;
  now: Date;
}): Promise<string | null> {
  for (const e of await evaluateInitialization(input, true)) {
    if ('error' in e) throw e.error;
    if (e.outcome.status === 'fail' && e.outcome.refusal !== null) return e.outcome.refusal;
  }
  return null;
}

/** Every check passed (the only state in which InitializeCluster is worth sending). */
export const allChecksPass = (checks: readonly InitCheck[] | null | undefined): boolean =>
  Boolean(checks && checks.length > 0 && checks.every((c) => c.status === 'pass'));
