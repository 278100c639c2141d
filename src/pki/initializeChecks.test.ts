import { beforeAll, describe, expect, it } from 'vitest';
import {
  allChecksPass,
  evaluateInitialization,
  initializationChecks,
  verifyInitializationCertificates,
  type InitCheck,
  type InitCheckId,
  type InitCheckStatus,
} from './initializeChecks';
import { DAY_MS, generateKeys, makeCsr, makeIntermediateCa, makeRootCa, signCsr, type TestCa, type TestCsr } from './testing/testPki';

const NOW = new Date();
const ORDER: InitCheckId[] = [
  'signed-cert-format',
  'trust-anchor-format',
  'trust-anchor-self-signed',
  'trust-anchor-is-ca',
  'key-types',
  'signed-by-trust-anchor',
  'key-matches-csr',
  'signed-cert-valid',
  'trust-anchor-valid',
];

let ca: TestCa;
let csr: TestCsr;
let signed: string;
const bad: Record<string, string> = {};
const anchors: Record<string, TestCa> = {};

beforeAll(async () => {
  [ca, csr] = await Promise.all([makeRootCa('Customer Root CA'), makeCsr()]);
  const [other, sameName, notCa, noBc, v1, ec, expiredCa, intermediate, otherCsr] = await Promise.all([
    makeRootCa('Some Other CA'),
    makeRootCa('Customer Root CA'),
    makeRootCa('Not A CA', { kind: 'not-ca' }),
    makeRootCa('No Basic Constraints', { kind: 'no-basic-constraints' }),
    makeRootCa('Version 1 CA', { kind: 'none' }),
    makeRootCa('EC CA', { keys: await generateKeys('ec') }),
    makeRootCa('Old CA', { notBefore: new Date(NOW.getTime() - 800 * DAY_MS), notAfter: new Date(NOW.getTime() - DAY_MS) }),
    makeIntermediateCa('Issuing CA', ca),
    makeCsr('another cluster'),
  ]);
  Object.assign(anchors, { other, sameName, notCa, noBc, v1, ec, expiredCa, intermediate });
  const signedPems = {
    good: signCsr(csr.pem, ca),
    byOther: signCsr(csr.pem, other),
    bySameName: signCsr(csr.pem, sameName),
    byNotCa: signCsr(csr.pem, notCa),
    byNoBc: signCsr(csr.pem, noBc),
    byV1: signCsr(csr.pem, v1),
    byEc: signCsr(csr.pem, ec),
    byExpiredCa: signCsr(csr.pem, expiredCa),
    byIntermediate: signCsr(csr.pem, intermediate),
    otherKey: signCsr(otherCsr.pem, ca),
    expired: signCsr(csr.pem, ca, { notBefore: new Date(NOW.getTime() - 400 * DAY_MS), notAfter: new Date(NOW.getTime() - DAY_MS) }),
    notYetValid: signCsr(csr.pem, ca, { notBefore: new Date(NOW.getTime() + DAY_MS) }),
  };
  for (const [name, pem] of Object.entries(signedPems)) bad[name] = await pem;
  signed = bad.good!;
});

/** Checks against the test CSR; `csrPem: null` checks as for a cluster without a CSR. */
const check = (signedCertPem: string, trustAnchorPem: string, csrPem: string | null = csr.pem) =>
  initializationChecks({ csrPem: csrPem ?? undefined, signedCertPem, trustAnchorPem, now: NOW });

const byId = (checks: InitCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c])) as Record<InitCheckId, InitCheck>;
const statuses = (checks: InitCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c.status])) as Record<InitCheckId, InitCheckStatus>;
const failing = (checks: InitCheck[]) => checks.filter((c) => c.status === 'fail').map((c) => c.id);

describe('initializationChecks', () => {
  it('passes every check, in order, for a certificate signed from the CSR by a self-signed CA', async () => {
    const checks = await check(signed, ca.pem);
    expect(checks.map((c) => c.id)).toEqual(ORDER);
    for (const c of checks) expect(c, `${c.id}: ${c.detail}`).toMatchObject({ status: 'pass' });
    expect(allChecksPass(checks)).toBe(true);
    const results = byId(checks);
    expect(results['signed-by-trust-anchor'].detail).toContain('Issued by "CN=Customer Root CA,O=Example Customer,C=US"');
    expect(results['key-types'].detail).toBe("The signed certificate's key is RSA 2048; the trust anchor's is RSA 2048.");
    expect(results['key-matches-csr'].detail).toMatch(/^Both are the key with SHA-256 [0-9A-F:]{23}…\.$/);
  });

  it('accepts CRLF line ends and notes that text around the PEM block is not sent', async () => {
    const withText = `Bag Attributes\n    localKeyID: 01 02 03\nsubject=CN = x\n${signed}`.replace(/\n/g, '\r\n');
    const checks = await check(withText, ca.pem);
    expect(allChecksPass(checks)).toBe(true);
    expect(byId(checks)['signed-cert-format'].detail).toContain('The text around the PEM block will not be sent.');
    expect(byId(checks)['trust-anchor-format'].detail).not.toContain('around');
  });

  it('refuses garbage text, and skips the checks that need a certificate', async () => {
    const checks = await check('hello, this is not a certificate', ca.pem);
    const results = byId(checks);
    expect(results['signed-cert-format']).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('no "-----BEGIN CERTIFICATE-----" line'),
    });
    expect(statuses(checks)).toMatchObject({
      'trust-anchor-format': 'pass',
      'trust-anchor-self-signed': 'pass',
      'key-types': 'skipped',
      'signed-by-trust-anchor': 'skipped',
      'key-matches-csr': 'skipped',
      'signed-cert-valid': 'skipped',
      'trust-anchor-valid': 'pass',
    });
    expect(results['signed-by-trust-anchor'].detail).toBe('Needs a readable signed cluster certificate.');
    expect(allChecksPass(checks)).toBe(false);
  });

  it('says a CSR is not a certificate, in either box', async () => {
    const results = byId(await check(csr.pem, csr.pem));
    expect(results['signed-cert-format'].detail).toMatch(/^This is a certificate request \(CSR\), not a certificate: sign the cluster CSR/);
    expect(results['trust-anchor-format'].detail).toMatch(/customerCA\.crt/);
    expect(results['key-types'].detail).toBe('Needs a readable signed cluster certificate and a readable trust anchor.');
  });

  it('refuses two certificates in one box (a chain), with advice for each box', async () => {
    const results = byId(await check(`${signed}${ca.pem}`, `${ca.pem}\n${anchors.intermediate!.pem}`));
    expect(results['signed-cert-format']).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^This holds 2 PEM blocks \(CERTIFICATE, CERTIFICATE\)\. Give only the cluster certificate/),
    });
    expect(results['trust-anchor-format']).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('CloudHSM accepts no intermediate CAs'),
    });
  });

  it('refuses a private key without echoing it, a truncated block and a body that is not base64', async () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
    const truncated = signed.slice(0, signed.indexOf('-----END'));
    const results = byId(await check(key, truncated));
    expect(results['signed-cert-format'].detail).toMatch(/^This is a private key, not a certificate\. Never share a private key/);
    expect(results['signed-cert-format'].detail).not.toContain('MIIE');
    expect(results['trust-anchor-format'].detail).toMatch(/incomplete: its "-----END …-----" line is missing/);
    const notBase64 = byId(await check('-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n', ca.pem));
    expect(notBase64['signed-cert-format']).toMatchObject({ status: 'fail', detail: expect.stringContaining('not valid base64') });
    const notDer = byId(await check('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', ca.pem));
    expect(notDer['signed-cert-format'].status).toBe('fail');
  });

  it('fails the issuer check for a certificate signed by another CA', async () => {
    const checks = await check(bad.byOther!, ca.pem);
    expect(failing(checks)).toEqual(['signed-by-trust-anchor']);
    expect(byId(checks)['signed-by-trust-anchor'].detail).toMatch(
      /^Its issuer "CN=Some Other CA,.*" is not the trust anchor's subject "CN=Customer Root CA,.*": another CA issued it\.$/,
    );
  });

  it('fails the signature for a certificate from another CA with the same name', async () => {
    const checks = await check(bad.bySameName!, ca.pem);
    expect(failing(checks)).toEqual(['signed-by-trust-anchor']);
    expect(byId(checks)['signed-by-trust-anchor'].detail).toContain("signature does not verify with the trust anchor's public key");
  });

  it('fails the key check for a certificate made for another key', async () => {
    const checks = await check(bad.otherKey!, ca.pem);
    expect(failing(checks)).toEqual(['key-matches-csr']);
    expect(byId(checks)['key-matches-csr'].detail).toMatch(
      /^Its public key \(SHA-256 .+\) is not the cluster CSR's key \(SHA-256 .+\)\. It was made for another key/,
    );
  });

  it('refuses an intermediate CA as trust anchor (not self-signed)', async () => {
    const checks = await check(bad.byIntermediate!, anchors.intermediate!.pem);
    expect(failing(checks)).toEqual(['trust-anchor-self-signed']);
    expect(byId(checks)['trust-anchor-self-signed'].detail).toMatch(
      /^It is not self-signed: its issuer "CN=Customer Root CA,.*" differs from its subject "CN=Issuing CA,.*"\. .*intermediate CAs are not allowed\.$/,
    );
  });

  it('refuses an anchor whose BasicConstraints says cA=false, or that has extensions but no BasicConstraints; accepts one without extensions', async () => {
    expect(failing(await check(bad.byNotCa!, anchors.notCa!.pem))).toEqual(['trust-anchor-is-ca']);
    const noBc = await check(bad.byNoBc!, anchors.noBc!.pem);
    expect(failing(noBc)).toEqual(['trust-anchor-is-ca']);
    expect(byId(noBc)['trust-anchor-is-ca'].detail).toContain('no BasicConstraints extension');
    const v1 = await check(bad.byV1!, anchors.v1!.pem);
    expect(allChecksPass(v1)).toBe(true);
    expect(byId(v1)['trust-anchor-is-ca'].detail).toContain('no X.509 v3 extensions');
  });

  it('refuses an EC trust anchor (only RSA 2048/4096)', async () => {
    const checks = await check(bad.byEc!, anchors.ec!.pem);
    expect(failing(checks)).toEqual(['key-types']);
    expect(byId(checks)['key-types'].detail).toBe(
      "CloudHSM accepts only RSA 2048 and RSA 4096 keys, but the trust anchor's key is EC P-256.",
    );
  });

  it('fails validity for an expired or not yet valid certificate, and for an expired anchor', async () => {
    const expired = await check(bad.expired!, ca.pem);
    expect(failing(expired)).toEqual(['signed-cert-valid']);
    expect(byId(expired)['signed-cert-valid'].detail).toMatch(/^It expired on \d{4}-\d\d-\d\dT/);
    const early = await check(bad.notYetValid!, ca.pem);
    expect(failing(early)).toEqual(['signed-cert-valid']);
    expect(byId(early)['signed-cert-valid'].detail).toMatch(/^It is not valid until /);
    expect(failing(await check(bad.byExpiredCa!, anchors.expiredCa!.pem))).toEqual(['trust-anchor-valid']);
  });

  it('recognises swapped boxes and says so', async () => {
    const checks = await check(ca.pem, signed);
    const results = byId(checks);
    expect(results['trust-anchor-self-signed']).toMatchObject({ status: 'fail', detail: expect.stringContaining('did you swap them?') });
    expect(results['signed-by-trust-anchor']).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('This looks like the trust anchor'),
    });
    expect(results['key-matches-csr']).toMatchObject({ status: 'fail', detail: expect.stringContaining('did you swap them?') });
    // Without the CSR, the swap is still seen from the signature link.
    expect(byId(await check(ca.pem, signed, null))['signed-by-trust-anchor'].detail).toContain('did you swap them?');
    // A plain wrong CA is not called a swap.
    expect(byId(await check(bad.byOther!, ca.pem))['signed-by-trust-anchor'].detail).not.toContain('swap');
  });

  it('skips the key check without a CSR (so the flow cannot pass), and fails it for an unreadable CSR', async () => {
    const noCsr = await check(signed, ca.pem, null);
    expect(byId(noCsr)['key-matches-csr']).toMatchObject({ status: 'skipped', detail: 'The cluster has no CSR to compare with.' });
    expect(allChecksPass(noCsr)).toBe(false);
    const brokenCsr = byId(await check(signed, ca.pem, 'not a csr'));
    expect(brokenCsr['key-matches-csr']).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^The cluster CSR cannot be read: /),
    });
  });

  it('never throws on input of the wrong type', async () => {
    const checks = await initializationChecks({
      csrPem: 42 as unknown as string,
      signedCertPem: null as unknown as string,
      trustAnchorPem: undefined as unknown as string,
      now: new Date(Number.NaN),
    });
    expect(checks.map((c) => c.id)).toEqual(ORDER);
    expect(byId(checks)['signed-cert-format']).toMatchObject({ status: 'fail', detail: 'No signed cluster certificate was given.' });
    expect(byId(checks)['trust-anchor-format']).toMatchObject({ status: 'fail', detail: 'No trust anchor was given.' });
    expect(allChecksPass(checks)).toBe(false);
  });

  it("agrees with InitializeCluster's answer on every case (but also refuses an expired trust anchor)", async () => {
    // [case, signed, anchor, the check whose refusal InitializeCluster answers with (null: it accepts)]
    const cases: Array<[string, string, string, InitCheckId | null]> = [
      ['good', signed, ca.pem, null],
      ['other CA', bad.byOther!, ca.pem, 'signed-by-trust-anchor'],
      ['same-name CA', bad.bySameName!, ca.pem, 'signed-by-trust-anchor'],
      ['other key', bad.otherKey!, ca.pem, 'key-matches-csr'],
      ['intermediate anchor', bad.byIntermediate!, anchors.intermediate!.pem, 'trust-anchor-self-signed'],
      ['cA=false anchor', bad.byNotCa!, anchors.notCa!.pem, 'trust-anchor-is-ca'],
      ['no BasicConstraints', bad.byNoBc!, anchors.noBc!.pem, 'trust-anchor-is-ca'],
      ['v1 anchor', bad.byV1!, anchors.v1!.pem, null],
      ['EC anchor', bad.byEc!, anchors.ec!.pem, 'key-types'],
      ['expired', bad.expired!, ca.pem, 'signed-cert-valid'],
      ['not yet valid', bad.notYetValid!, ca.pem, 'signed-cert-valid'],
      ['swapped', ca.pem, signed, 'trust-anchor-self-signed'],
      ['chain', `${signed}${ca.pem}`, ca.pem, 'signed-cert-format'],
      ['garbage', 'garbage', ca.pem, 'signed-cert-format'],
    ];
    for (const [name, signedCertPem, trustAnchorPem, refusing] of cases) {
      const input = { csrPem: csr.pem, signedCertPem, trustAnchorPem, now: NOW };
      const [answer, evaluation, checks] = await Promise.all([
        verifyInitializationCertificates(input),
        evaluateInitialization(input, true),
        check(signedCertPem, trustAnchorPem),
      ]);
      const refusals = evaluation.flatMap((e) =>
        'outcome' in e && e.outcome.status === 'fail' && e.outcome.refusal ? [[e.id, e.outcome.refusal] as const] : [],
      );
      expect(refusals[0]?.[0] ?? null, `${name}: InitializeCluster says ${answer ?? 'OK'}`).toBe(refusing);
      expect(answer).toBe(refusals[0]?.[1] ?? null);
      expect(allChecksPass(checks), name).toBe(answer === null);
      if (refusing) expect(byId(checks)[refusing].status, name).toBe('fail');
      // Only the anchor's validity may fail without InitializeCluster refusing.
      for (const e of evaluation) {
        if ('outcome' in e && e.outcome.status === 'fail' && e.outcome.refusal === null) expect(e.id, name).toBe('trust-anchor-valid');
      }
    }
    // The one thing only the dashboard refuses: an anchor outside its validity dates.
    const expiredAnchor = { csrPem: csr.pem, signedCertPem: bad.byExpiredCa!, trustAnchorPem: anchors.expiredCa!.pem, now: NOW };
    expect(await verifyInitializationCertificates(expiredAnchor)).toBeNull();
    expect(failing(await check(bad.byExpiredCa!, anchors.expiredCa!.pem))).toEqual(['trust-anchor-valid']);
    const onlyDashboard = (await evaluateInitialization(expiredAnchor, true)).filter((e) => 'outcome' in e && e.outcome.status === 'fail');
    expect(onlyDashboard).toEqual([{ id: 'trust-anchor-valid', outcome: expect.objectContaining({ status: 'fail', refusal: null }) }]);
  });

  it('allChecksPass needs a non-empty list of passes', () => {
    expect(allChecksPass([])).toBe(false);
    expect(allChecksPass(null)).toBe(false);
    expect(allChecksPass([{ id: 'key-types', label: '', status: 'skipped', detail: '' }])).toBe(false);
  });
});
