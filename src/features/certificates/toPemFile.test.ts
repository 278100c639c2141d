import { describe, expect, it } from 'vitest';
import { toPemFile } from './toPemFile';

describe('toPemFile', () => {
  it('names the file and normalizes line ends', () => {
    const pem = '-----BEGIN CERTIFICATE-----\r\nAAAA\r\n-----END CERTIFICATE-----';
    expect(toPemFile('cluster-abc-hsm', pem)).toEqual({
      filename: 'cluster-abc-hsm.pem',
      text: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
    });
    expect(toPemFile('../x/y', pem).filename).toBe('.._x_y.pem');
  });
});
