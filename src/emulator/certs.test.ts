import { X509Certificate as NodeX509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCertificate, decodeCsr, verifyChain, verifyInitializationCertificates } from '../pki';
import { createHsmCertificates, signCsrWithTestCa, type HsmCertificateSet } from './certs';

/** The API's Cert pattern, verbatim ("+-/" is a range: + , - . /). */
const CERT_PATTERN = /^[a-zA-Z0-9+-/=\s]*$/;
const DAY_MS = 86_400_000;

let first: HsmCertificateSet;
let second: HsmCertificateSet;
let firstSigned: { signedCert: string; trustAnchor: string };
const timings: number[] = [];

beforeAll(async () => {
  let t = performance.now();
  first = await createHsmCertificates({ clusterId: 'cluster-abcdefghijk', hsmId: 'hsm-abcdefghijk', hsmType: 'hsm1.medium' });
  timings.push(performance.now() - t);
  t = performance.now();
  second = await createHsmCertificates({
    clusterId: 'cluster-bcdefghijkl',
    hsmId: 'hsm-bcdefghijkl',
    hsmType: 'hsm2m.medium',
    mode: 'NON_FIPS',
  });
  timings.push(performance.now() - t);
  firstSigned = await signCsrWithTestCa(first.ClusterCsr);
}, 60_000);

/** node:crypto reads the certificates independently of src/pki's library. */
const node = (pem: string) => new NodeX509Certificate(pem);

function initialize(over: Partial<{ csrPem: string; signedCertPem: string; trustAnchorPem: string; now: Date }>) {
  return verifyInitializationCertificates({
    csrPem: first.ClusterCsr,
    signedCertPem: firstSigned.signedCert,
    trustAnchorPem: firstSigned.trustAnchor,
    now: new Date(),
    ...over,
  });
}

describe('createHsmCertificates', () => {
  it('returns well-formed PEMs matching the API Cert pattern', () => {
    console.info(`createHsmCertificates: first ${timings[0]?.toFixed(0)} ms, cached chain ${timings[1]?.toFixed(0)} ms`);
    const pems: string[] = [...Object.values(first), ...Object.values(second), ...Object.values(firstSigned)];
    expect(pems).toHaveLength(10);
    for (const pem of pems) {
      expect(pem).toMatch(CERT_PATTERN);
      expect(pem.length).toBeLessThanOrEqual(20_000);
      expect(pem.endsWith('-----\n')).toBe(true);
      expect(pem).not.toContain('\r');
      const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
      expect(body.slice(0, -1).every((l) => l.length === 64)).toBe(true);
      expect((body.at(-1) ?? '').length).toBeLessThanOrEqual(64);
    }
    expect(first.ClusterCsr.startsWith('-----BEGIN CERTIFICATE REQUEST-----\n')).toBe(true);
    expect(first.ClusterCsr.endsWith('-----END CERTIFICATE REQUEST-----\n')).toBe(true);
    expect(first.HsmCertificate.startsWith('-----BEGIN CERTIFICATE-----\n')).toBe(true);
  });

  it('makes an RSA 2048 CSR, self-signed by the cluster key, with an HSM-style subject', async () => {
    const csr = await decodeCsr(first.ClusterCsr);
    expect(csr.signatureValid).toBe(true);
    expect(csr.publicKey.description).toBe('RSA 2048');
    expect(csr.subject).toMatch(/^CN=HSM:5\.3G1941-ICM\d{6}:PARTN:\d+\\, for FIPS mode,L=SanJose,OU=N3FIPS,O=Cavium,ST=CA,C=US$/);
    expect(csr.subjectCommonName).toMatch(/^HSM:5\.3G1941-ICM\d{6}:PARTN:\d+, for FIPS mode$/);
    const other = await decodeCsr(second.ClusterCsr);
    expect(other.subject).toMatch(/^CN=.*for NON-FIPS mode,L=SanJose,OU=N3,O=Marvell,/);
  });

  it('builds a verifiable chain: manufacturer root -> AWS hardware CA -> HSM certificate', async () => {
    const [root, aws, hsm] = await Promise.all([
      decodeCertificate(first.ManufacturerHardwareCertificate),
      decodeCertificate(first.AwsHardwareCertificate),
      decodeCertificate(first.HsmCertificate),
    ]);
    expect(root).toMatchObject({ isCA: true, selfSigned: true, validity: 'valid' });
    expect(root.subject).toBe(
      'CN=LiquidSecurity Manufacturer Root CA (CloudHSM Emulator),OU=LiquidSecurity,O=Cavium\\, Inc.,L=San Jose,ST=California,C=US',
    );
    expect(aws).toMatchObject({ isCA: true, selfSigned: false, validity: 'valid', issuer: root.subject });
    expect(aws.subject).toMatch(/^CN=AWS CloudHSM Hardware CA \(CloudHSM Emulator\),OU=CloudHSM,O=Amazon Web Services,/);
    expect(hsm).toMatchObject({ isCA: false, selfSigned: false, validity: 'valid', issuer: aws.subject });
    for (const c of [root, aws, hsm]) expect(c.publicKey.description).toBe('RSA 2048');

    const checks = await verifyChain(
      {
        hsm: first.HsmCertificate,
        awsHardware: first.AwsHardwareCertificate,
        manufacturerHardware: first.ManufacturerHardwareCertificate,
        clusterCsr: first.ClusterCsr,
      },
      new Date(),
    );
    for (const c of checks)
      expect(c, `${c.id}: ${c.detail}`).toMatchObject({ status: c.id.startsWith('cluster-certificate') ? 'unavailable' : 'pass' });

    // node:crypto agrees, on its own.
    const [nodeRoot, nodeAws, nodeHsm] = [
      node(first.ManufacturerHardwareCertificate),
      node(first.AwsHardwareCertificate),
      node(first.HsmCertificate),
    ];
    expect(nodeHsm.checkIssued(nodeAws)).toBe(true);
    expect(nodeHsm.verify(nodeAws.publicKey)).toBe(true);
    expect(nodeHsm.verify(nodeRoot.publicKey)).toBe(false);
    expect(nodeAws.verify(nodeRoot.publicKey)).toBe(true);
    expect(nodeRoot.verify(nodeRoot.publicKey)).toBe(true);
    expect([nodeRoot.ca, nodeAws.ca, nodeHsm.ca]).toEqual([true, true, false]);
  });

  it('puts the cluster (CSR) key and subject in the HSM certificate', async () => {
    const [csr, hsm] = await Promise.all([decodeCsr(first.ClusterCsr), decodeCertificate(first.HsmCertificate)]);
    expect(hsm.subject).toBe(csr.subject);
    const spki = node(first.HsmCertificate).publicKey.export({ type: 'spki', format: 'der' });
    const fingerprint = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', spki)), (b) =>
      b.toString(16).padStart(2, '0').toUpperCase(),
    ).join(':');
    expect(csr.publicKeyFingerprintSha256).toBe(fingerprint);
  });

  it('reuses the hardware CAs across clusters but gives each cluster its own key', async () => {
    expect(second.ManufacturerHardwareCertificate).toBe(first.ManufacturerHardwareCertificate);
    expect(second.AwsHardwareCertificate).toBe(first.AwsHardwareCertificate);
    const [a, b] = await Promise.all([decodeCsr(first.ClusterCsr), decodeCsr(second.ClusterCsr)]);
    expect(a.publicKeyFingerprintSha256).not.toBe(b.publicKeyFingerprintSha256);
  });

  it('starts the HSM certificate (an hour before) the emulator clock', async () => {
    const now = new Date('2024-03-01T12:00:00Z');
    const set = await createHsmCertificates({ clusterId: 'cluster-cdefghijklm', hsmId: 'hsm-cdefghijklm', hsmType: 'hsm2m.medium', now });
    const hsm = await decodeCertificate(set.HsmCertificate, now);
    expect(hsm.notBefore.toISOString()).toBe('2024-03-01T11:00:00.000Z');
    expect(Math.round((hsm.notAfter.getTime() - hsm.notBefore.getTime()) / DAY_MS)).toBe(3650);
  });
});

describe('signCsrWithTestCa', () => {
  it('signs the CSR key with a self-signed CA whose result passes the InitializeCluster checks', async () => {
    const [signed, anchor] = await Promise.all([decodeCertificate(firstSigned.signedCert), decodeCertificate(firstSigned.trustAnchor)]);
    expect(anchor).toMatchObject({ isCA: true, selfSigned: true });
    expect(signed.issuer).toBe(anchor.subject);
    expect(await initialize({})).toBeNull();
  });

  it('reuses its CA and honours validDays', async () => {
    const again = await signCsrWithTestCa(second.ClusterCsr, { validDays: 30 });
    expect(again.trustAnchor).toBe(firstSigned.trustAnchor);
    const c = await decodeCertificate(again.signedCert);
    expect(Math.round((c.notAfter.getTime() - c.notBefore.getTime()) / DAY_MS)).toBe(30);
    expect(
      await verifyInitializationCertificates({
        csrPem: second.ClusterCsr,
        signedCertPem: again.signedCert,
        trustAnchorPem: again.trustAnchor,
        now: new Date(),
      }),
    ).toBeNull();
  });

  it('rejects input that is not a CSR', async () => {
    await expect(signCsrWithTestCa(first.HsmCertificate)).rejects.toThrow(
      'The CSR is a PEM "CERTIFICATE" block, not a "CERTIFICATE REQUEST".',
    );
  });
});

describe("the emulator's certificates through the InitializeCluster checks", () => {
  it("refuses its hardware CAs as trust anchors, another cluster's certificate and an expired one", async () => {
    expect(await initialize({ trustAnchorPem: first.AwsHardwareCertificate })).toMatch(/^The trust anchor is not self-signed: its issuer/);
    expect(await initialize({ trustAnchorPem: first.ManufacturerHardwareCertificate })).toMatch(
      /^The signed certificate was not issued by the trust anchor: its issuer "C=US, ST=Washington, L=Seattle, O=Example Customer, OU=CloudHSM Emulator, CN=Customer Root CA \(CloudHSM Emulator test CA\)"/,
    );
    const other = await signCsrWithTestCa(second.ClusterCsr);
    expect(await initialize({ signedCertPem: other.signedCert })).toMatch(/public key does not match the cluster CSR/);
    const expired = await signCsrWithTestCa(first.ClusterCsr, { notBefore: new Date(Date.now() - 400 * DAY_MS), validDays: 30 });
    expect(await initialize({ signedCertPem: expired.signedCert })).toMatch(/^The signed certificate has expired/);
  });
});

describe('isomorphism', () => {
  it('certs.ts uses no Node built-ins', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('./certs.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from\s+['"]node:|import\(['"]node:|require\(/);
  });
});
