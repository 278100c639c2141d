import { describe, expect, it } from 'vitest';
import { summarizeCsr } from './csrSummary';
import { makeCsr } from '../../../pki/testing/testPki';

describe('summarizeCsr', () => {
  it("gives the subject, the key and the SHA-256 of the CSR's public key", async () => {
    const csr = await makeCsr('HSM:5.3G1941-ICM000042:PARTN:7, for FIPS mode');
    const spki = await crypto.subtle.exportKey('spki', csr.keys.publicKey);
    const expected = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', spki)), (b) =>
      b.toString(16).padStart(2, '0').toUpperCase(),
    ).join(':');
    expect(await summarizeCsr(csr.pem)).toEqual({
      subject: 'CN=HSM:5.3G1941-ICM000042:PARTN:7\\, for FIPS mode,O=Cavium,C=US',
      key: 'RSA 2048',
      keyFingerprint: expected,
    });
  });
  it('throws a readable error for something that is not a CSR', async () => {
    await expect(summarizeCsr('garbage')).rejects.toThrow(/Not a PEM certificate request \(CSR\)/);
  });
});
