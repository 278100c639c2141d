import { beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, type ChainCheck, type ChainCheckId, type ChainInput } from './chain';
import { createSelfSigned, generateKeyPair } from './issue';
import {
  DAY_MS,
  makeHardwareCas,
  makeHsmCertificates,
  makeSignedCluster,
  signCsr,
  type HsmLikeCertificates,
  type TestCa,
} from './testing/testPki';

let set: HsmLikeCertificates;
let otherCluster: HsmLikeCertificates;
let customerCa: TestCa;
let clusterCertificate: string;
/** A self-signed CA with the AWS hardware certificate's exact subject, but a different key. */
let impostorAws: string;

beforeAll(async () => {
  const cas = await makeHardwareCas();
  let impostorKeys: CryptoKeyPair;
  [{ hsm: set, customerCa, clusterCertificate }, otherCluster, impostorKeys] = await Promise.all([
    makeSignedCluster(cas),
    makeHsmCertificates(cas, '000002'),
    generateKeyPair(),
  ]);
  const awsName = 'C=US, O=Amazon Web Services, OU=CloudHSM, CN=Test Hardware CA';
  impostorAws = await createSelfSigned(awsName, impostorKeys, {
    serialNumber: '01',
    notBefore: new Date(Date.now() - DAY_MS),
    notAfter: new Date(Date.now() + DAY_MS),
    extensions: { basicConstraints: { ca: true } },
  });
});

function realInput(): ChainInput {
  return {
    hsm: set.HsmCertificate,
    awsHardware: set.AwsHardwareCertificate,
    manufacturerHardware: set.ManufacturerHardwareCertificate,
    clusterCsr: set.ClusterCsr,
    clusterCertificate,
  };
}

function byId(checks: ChainCheck[]): Record<ChainCheckId, ChainCheck> {
  return Object.fromEntries(checks.map((c) => [c.id, c])) as Record<ChainCheckId, ChainCheck>;
}

function statuses(checks: ChainCheck[]): Record<string, string> {
  return Object.fromEntries(checks.map((c) => [c.id, c.status]));
}

const ALL_IDS: ChainCheckId[] = [
  'hsm-signed-by-aws-hardware',
  'aws-hardware-signed-by-manufacturer',
  'manufacturer-self-signed',
  'hsm-key-matches-csr',
  'cluster-certificate-key-matches-csr',
  'hsm-valid',
  'aws-hardware-valid',
  'manufacturer-valid',
  'cluster-certificate-valid',
];

describe('verifyChain', () => {
  it('passes every check for a real, initialized set', async () => {
    const checks = await verifyChain(realInput(), new Date());
    expect(checks.map((c) => c.id)).toEqual(ALL_IDS);
    for (const c of checks) {
      expect(c, `${c.id}: ${c.detail}`).toMatchObject({ status: 'pass' });
      expect(c.label.length).toBeGreaterThan(0);
      expect(c.detail.length).toBeGreaterThan(0);
    }
    expect(byId(checks)['hsm-signed-by-aws-hardware'].detail).toBe(
      'Issued by "CN=Test Hardware CA,OU=CloudHSM,O=Amazon Web Services,C=US"; the signature verifies with its public key.',
    );
  });

  it('marks checks unavailable when their inputs are missing', async () => {
    const { clusterCertificate: _omit, ...uninitialized } = realInput();
    const checks = byId(await verifyChain(uninitialized, new Date()));
    expect(checks['cluster-certificate-key-matches-csr']).toMatchObject({
      status: 'unavailable',
      detail: 'No cluster certificate is available.',
    });
    expect(checks['cluster-certificate-valid'].status).toBe('unavailable');
    expect(checks['hsm-key-matches-csr'].status).toBe('pass');

    const none = await verifyChain({}, new Date());
    expect(none.map((c) => c.status)).toEqual(ALL_IDS.map(() => 'unavailable'));
    const emptyStrings = await verifyChain({ hsm: '', clusterCsr: '  \n' }, new Date());
    expect(emptyStrings.every((c) => c.status === 'unavailable')).toBe(true);
  });

  it('fails the signature checks when the AWS hardware certificate is swapped for another CA', async () => {
    const checks = byId(await verifyChain({ ...realInput(), awsHardware: customerCa.pem }, new Date()));
    expect(checks['hsm-signed-by-aws-hardware'].status).toBe('fail');
    expect(checks['hsm-signed-by-aws-hardware'].detail).toMatch(
      /^The HSM certificate's issuer "CN=Test Hardware CA.*" is not the AWS hardware certificate's subject "CN=Customer Root CA/,
    );
    expect(checks['aws-hardware-signed-by-manufacturer'].status).toBe('fail');
    expect(checks['aws-hardware-signed-by-manufacturer'].detail).toMatch(/is not the manufacturer hardware certificate's subject/);
    expect(checks['manufacturer-self-signed'].status).toBe('pass');
    expect(checks['aws-hardware-valid'].status).toBe('pass');
  });

  it('fails on the signature, not the name, for a same-named CA with another key', async () => {
    const checks = byId(await verifyChain({ ...realInput(), awsHardware: impostorAws }, new Date()));
    expect(checks['hsm-signed-by-aws-hardware']).toMatchObject({
      status: 'fail',
      detail: "The HSM certificate's signature does not verify with the AWS hardware certificate's public key.",
    });
    // The impostor is self-signed, so its issuer is its own (AWS) name, not the manufacturer's.
    expect(checks['aws-hardware-signed-by-manufacturer'].status).toBe('fail');
  });

  it('fails the key check when the HSM certificate is from another cluster', async () => {
    const checks = byId(await verifyChain({ ...realInput(), hsm: otherCluster.HsmCertificate }, new Date()));
    expect(checks['hsm-key-matches-csr'].status).toBe('fail');
    expect(checks['hsm-key-matches-csr'].detail).toMatch(
      /^The HSM certificate's public key \(SHA-256 [0-9A-F:]{23}…\) is not the cluster CSR's public key \(SHA-256 [0-9A-F:]{23}…\): they belong to different key pairs\.$/,
    );
    // Still a genuine HSM certificate of the same hardware chain.
    expect(checks['hsm-signed-by-aws-hardware'].status).toBe('pass');
    expect(checks['cluster-certificate-key-matches-csr'].status).toBe('pass');

    const wrongCsr = byId(await verifyChain({ ...realInput(), clusterCsr: otherCluster.ClusterCsr }, new Date()));
    expect(wrongCsr['hsm-key-matches-csr'].status).toBe('fail');
    expect(wrongCsr['cluster-certificate-key-matches-csr'].status).toBe('fail');
    expect(wrongCsr['cluster-certificate-key-matches-csr'].detail).toMatch(/^The cluster certificate's public key .* different key pairs/);
  });

  it('fails the validity check of an expired cluster certificate', async () => {
    const notBefore = new Date(Date.now() - 10 * DAY_MS);
    const expired = await signCsr(set.ClusterCsr, customerCa, { notBefore, notAfter: new Date(notBefore.getTime() + DAY_MS) });
    const checks = byId(await verifyChain({ ...realInput(), clusterCertificate: expired }, new Date()));
    const expectedEnd = new Date(notBefore.getTime() + DAY_MS);
    expectedEnd.setUTCMilliseconds(0); // X.509 times have whole seconds
    expect(checks['cluster-certificate-valid']).toMatchObject({
      status: 'fail',
      detail: `The cluster certificate expired on ${expectedEnd.toISOString()}.`,
    });
    expect(checks['cluster-certificate-key-matches-csr'].status).toBe('pass');
    expect(checks['hsm-valid'].status).toBe('pass');
  });

  it('judges validity at the given now', async () => {
    const future = statuses(await verifyChain(realInput(), new Date(Date.now() + 30 * 365 * DAY_MS)));
    expect(future).toMatchObject({
      'hsm-valid': 'fail',
      'aws-hardware-valid': 'fail',
      'manufacturer-valid': 'fail',
      'cluster-certificate-valid': 'fail',
      'hsm-signed-by-aws-hardware': 'pass',
    });
    const past = byId(await verifyChain(realInput(), new Date(Date.now() - 30 * DAY_MS)));
    expect(past['hsm-valid'].status).toBe('fail');
    expect(past['hsm-valid'].detail).toMatch(/^The HSM certificate is not valid until \d{4}-/);
  });

  it('fails only the checks that need a garbage or mistyped input, and never throws', async () => {
    const checks = byId(await verifyChain({ ...realInput(), hsm: 'garbage' }, new Date()));
    for (const id of ['hsm-signed-by-aws-hardware', 'hsm-key-matches-csr', 'hsm-valid'] as const) {
      expect(checks[id]).toMatchObject({
        status: 'fail',
        detail: expect.stringMatching(/^The HSM certificate cannot be read: Not a PEM certificate/),
      });
    }
    for (const id of ['aws-hardware-signed-by-manufacturer', 'manufacturer-self-signed', 'cluster-certificate-key-matches-csr'] as const) {
      expect(checks[id].status).toBe('pass');
    }

    const swapped = byId(await verifyChain({ ...realInput(), clusterCsr: set.HsmCertificate }, new Date()));
    expect(swapped['hsm-key-matches-csr'].detail).toMatch(/^The cluster CSR cannot be read: .*"CERTIFICATE", not a "CERTIFICATE REQUEST"/);

    const notRoot = byId(await verifyChain({ ...realInput(), manufacturerHardware: set.AwsHardwareCertificate }, new Date()));
    expect(notRoot['manufacturer-self-signed']).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^The manufacturer hardware certificate is not self-signed: its issuer/),
    });

    const weird = {
      hsm: 42,
      awsHardware: null,
      clusterCsr: '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----',
    };
    const result = await verifyChain(weird as unknown as ChainInput, new Date());
    expect(result).toHaveLength(ALL_IDS.length);
    expect(byId(result)['hsm-key-matches-csr'].status).toBe('unavailable');
    expect(await verifyChain(undefined as unknown as ChainInput, new Date())).toHaveLength(ALL_IDS.length);
  });
});
