import { beforeAll, describe, expect, it } from 'vitest';
import { makeCsr, makeRootCa, signCsr, type TestCa, type TestCsr } from '../../../pki/testing/testPki';
import { allChecksPass, checkInitializationCertificates, type InitCheck, type InitCheckId } from './checkInitializationCertificates';

const NOW = new Date();
let ca: TestCa;
let csr: TestCsr;
let signed: string;

beforeAll(async () => {
  [ca, csr] = await Promise.all([makeRootCa('Customer Root CA'), makeCsr()]);
  signed = await signCsr(csr.pem, ca);
});

const check = (signedCertPem: string, trustAnchorPem: string) =>
  checkInitializationCertificates({ csrPem: csr.pem, signedCertPem, trustAnchorPem, now: NOW });
const byId = (checks: InitCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c])) as Record<InitCheckId, InitCheck>;

describe('checkInitializationCertificates', () => {
  it("passes src/pki's checks through, with their labels", async () => {
    const checks = await check(signed, ca.pem);
    expect(allChecksPass(checks)).toBe(true);
    expect(byId(checks)['signed-cert-format']).toMatchObject({
      label: 'The signed cluster certificate is one PEM X.509 certificate the API accepts',
      detail: expect.stringMatching(/^Subject "CN=HSM:/),
    });
  });

  it("refuses more than the API's 20,000 characters", async () => {
    // Whitespace inside the base64 body still parses, but makes the text longer than the API takes.
    const padded = signed.replace('\n', '\n' + ' \n'.repeat(10_000));
    const results = byId(await check(padded, ca.pem));
    expect(results['signed-cert-format']).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/characters long; InitializeCluster accepts at most 20,000\.$/),
    });
    expect(results['trust-anchor-format'].status).toBe('pass');
  });

  it('leaves a format check that already fails as it is', async () => {
    const results = byId(await check('garbage', ca.pem));
    expect(results['signed-cert-format'].detail).toMatch(/no "-----BEGIN CERTIFICATE-----" line/);
  });
});
