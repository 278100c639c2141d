import { describe, expect, it } from 'vitest';
import { parseDashboardArgs, UsageError } from './args';

const ENV = { HOME: '/home/u', XDG_DATA_HOME: '/xdg' };
const options = (argv: string[]) => {
  const parsed = parseDashboardArgs(argv, ENV);
  if (parsed.help) throw new Error('help');
  return parsed.options;
};

describe('parseDashboardArgs', () => {
  it('defaults: the emulator with demo data, speed 60, the per-user data file, loopback port 8373', () => {
    expect(options([])).toEqual({
      port: 8373,
      host: '127.0.0.1',
      readOnly: false,
      mode: 'emulator',
      seed: 'demo',
      speed: 60,
      dataFile: '/xdg/cloudhsm-dashboard/emulator.jsonl',
      fresh: false,
    });
  });

  it('--aws with a profile, regions, endpoint and timeout', () => {
    expect(options(['--aws', '--profile', 'prod', '--regions', 'us-east-1, eu-west-1,us-east-1', '--endpoint-url', 'http://127.0.0.1:4566', '--timeout', '5', '--read-only'])).toEqual({
      port: 8373,
      host: '127.0.0.1',
      readOnly: true,
      mode: 'aws',
      profile: 'prod',
      regions: ['us-east-1', 'eu-west-1'],
      endpointUrl: 'http://127.0.0.1:4566/',
      upstreamTimeoutMs: 5000,
    });
  });

  it('refuses flags of the other mode, bad values and unknown flags', () => {
    for (const argv of [['--aws', '--data', 'x'], ['--regions', 'us-east-1'], ['--speed', '0'], ['--speed', 'fast'], ['--port', '-1'], ['--in-memory', '--fresh'], ['--aws', '--profile', 'a b'], ['--aws', '--regions', ','], ['--nope'], ['positional'], ['--aws', '--endpoint-url', 'http://user:s3cret@127.0.0.1:4566']]) {
      expect(() => parseDashboardArgs(argv, ENV), argv.join(' ')).toThrow(UsageError);
    }
  });
});
