import { describe, expect, it } from 'vitest';
import { parseEmulatorArgs } from '../emulator/node/args';
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
    expect(
      options([
        '--aws',
        '--profile',
        'prod',
        '--regions',
        'us-east-1, eu-west-1,us-east-1',
        '--endpoint-url',
        'http://127.0.0.1:4566',
        '--sts-endpoint-url',
        'https://sts.example.test',
        '--timeout',
        '5',
        '--read-only',
      ]),
    ).toEqual({
      port: 8373,
      host: '127.0.0.1',
      readOnly: true,
      mode: 'aws',
      profile: 'prod',
      regions: ['us-east-1', 'eu-west-1'],
      endpointUrl: 'http://127.0.0.1:4566/',
      stsEndpointUrl: 'https://sts.example.test/',
      upstreamTimeoutMs: 5000,
    });
  });

  it('--poll-seconds: a whole number of seconds from 1 to 60, in either mode', () => {
    expect(options(['--poll-seconds', '2']).pollSeconds).toBe(2);
    expect(options(['--aws', '--poll-seconds', '60']).pollSeconds).toBe(60);
    expect(options([]).pollSeconds).toBeUndefined();
    for (const value of ['0', '61', '1.5', 'fast', '']) {
      expect(() => parseDashboardArgs(['--poll-seconds', value], ENV), value).toThrow(
        /--poll-seconds must be a whole number of seconds from 1 to 60/,
      );
    }
  });

  it('--residency-tag-key: a tag key, in either mode', () => {
    expect(options(['--residency-tag-key', 'keep-in']).residencyTagKey).toBe('keep-in');
    expect(options(['--aws', '--residency-tag-key', 'org:residency']).residencyTagKey).toBe('org:residency');
    expect(options([]).residencyTagKey).toBeUndefined();
    for (const key of ['', 'aws:residency', 'a'.repeat(129), 'no,commas']) {
      expect(() => parseDashboardArgs(['--residency-tag-key', key], ENV), key).toThrow(UsageError);
    }
  });

  it('refuses flags of the other mode, bad values and unknown flags', () => {
    for (const argv of [
      ['--aws', '--data', 'x'],
      ['--regions', 'us-east-1'],
      ['--speed', '0'],
      ['--speed', 'fast'],
      ['--port', '-1'],
      ['--in-memory', '--fresh'],
      ['--aws', '--profile', 'a b'],
      ['--aws', '--regions', ','],
      ['--nope'],
      ['positional'],
      ['--aws', '--endpoint-url', 'http://user:s3cret@127.0.0.1:4566'],
      ['--sts-endpoint-url', 'http://127.0.0.1:4566'],
      ['--aws', '--sts-endpoint-url', 'not a url'],
      ['--aws', '--principal-name', 'alice'],
    ]) {
      expect(() => parseDashboardArgs(argv, ENV), argv.join(' ')).toThrow(UsageError);
    }
  });

  it('--quota reaches the embedded emulator, and is refused with --aws', () => {
    expect(options(['--quota', 'clusters=9,hsms=12', '--in-memory']).quotas).toEqual({ clusters: 9, hsms: 12 });
    expect(() => parseDashboardArgs(['--aws', '--quota', 'clusters=9'], ENV)).toThrow(/--quota only appl/);
  });

  it('--assume-role (repeatable), --external-id and --profiles add accounts to --aws', () => {
    const role = 'arn:aws:iam::111122223333:role/CloudHsmReadOnly';
    const pathed = 'arn:aws-us-gov:iam::444455556666:role/team/ops/CloudHsm+Admin@x';
    expect(
      options([
        '--aws',
        '--assume-role',
        role,
        '--assume-role',
        pathed,
        '--assume-role',
        role,
        '--external-id',
        'org:ext-1',
        '--profiles',
        'a, b.c,a',
      ]),
    ).toMatchObject({ mode: 'aws', assumeRoles: [role, pathed], externalId: 'org:ext-1', profiles: ['a', 'b.c'] });
    expect(options(['--aws'])).not.toHaveProperty('assumeRoles');
    expect(() => parseDashboardArgs(['--aws', '--assume-role', 'arn:aws:iam::1111:role/x'], ENV)).toThrow(
      /--assume-role "arn:aws:iam::1111:role\/x" is not a role ARN like arn:aws:iam::123456789012:role\//,
    );
    for (const argv of [
      ['--assume-role', role], // only with --aws
      ['--profiles', 'a'],
      ['--aws', '--assume-role', 'arn:aws:iam::111122223333:user/alice'],
      ['--aws', '--assume-role', 'arn:aws:sts::111122223333:assumed-role/x/y'],
      ['--aws', '--assume-role', 'arn:aws:iam::111122223333:role/'],
      ['--aws', '--assume-role', `arn:aws:iam::111122223333:role/${'r'.repeat(65)}`],
      ['--aws', '--assume-role', role, '--external-id', 'x'], // AWS wants 2 characters or more
      ['--aws', '--assume-role', role, '--external-id', 'has space'],
      ['--aws', '--assume-role', role, '--external-id', 'e'.repeat(1225)],
      ['--aws', '--external-id', 'abc'], // without a role
      ['--aws', '--profiles', ','],
      ['--aws', '--profiles', 'ok,not ok'],
    ]) {
      expect(() => parseDashboardArgs(argv, ENV), argv.join(' ').slice(0, 80)).toThrow(UsageError);
    }
    expect(options(['--aws', '--assume-role', role, '--external-id', 'e'.repeat(1224)]).externalId).toHaveLength(1224);
  });

  it('takes the emulator flags npm run emulator takes: --account and the large-seed sizes too', () => {
    expect(
      options(['--seed', 'large', '--account', '210987654321', '--large-clusters', '10', '--large-backups', '50', '--in-memory']),
    ).toEqual({
      port: 8373,
      host: '127.0.0.1',
      readOnly: false,
      mode: 'emulator',
      seed: 'large',
      speed: 60,
      account: '210987654321',
      large: { clusters: 10, backups: 50 },
    });
    for (const argv of [
      ['--aws', '--account', '210987654321'],
      ['--aws', '--large-clusters', '1'],
      ['--account', '1'],
      ['--large-backups', '-1'],
    ]) {
      expect(() => parseDashboardArgs(argv, ENV), argv.join(' ')).toThrow(UsageError);
    }
  });
});

describe('one flag vocabulary for npm start and npm run emulator', () => {
  // Each gives the flags whose defaults differ between the two (port, speed, where the data lives).
  const shared = [
    ['--port', '0', '--host', '::1', '--speed', '1', '--in-memory'],
    ['--port', '4000', '--seed', 'empty', '--speed', '3', '--data', '/tmp/x.jsonl', '--fresh'],
    [
      '--port',
      '1',
      '--in-memory',
      '--speed',
      '0.5',
      '--account',
      '210987654321',
      '--seed',
      'large',
      '--large-clusters',
      '2',
      '--large-backups',
      '3',
    ],
  ];

  it('reads the shared flags to the same settings in both', () => {
    for (const argv of shared) {
      const emulator = parseEmulatorArgs(argv)!;
      const dashboard = options(argv);
      for (const key of ['port', 'host', 'seed', 'speed', 'dataFile', 'fresh', 'account', 'large'] as const) {
        expect(dashboard[key], `${argv.join(' ')}: ${key}`).toEqual(emulator[key]);
      }
    }
  });

  it('refuses the same bad values in both, with the same message', () => {
    const bad = [
      ['--port', '65536'],
      ['--host', ''],
      ['--seed', 'big'],
      ['--speed', '0'],
      ['--data', ''],
      ['--account', 'x'],
      ['--large-clusters', '1.5'],
      ['--in-memory', '--data', 'x'],
      ['--in-memory', '--fresh'],
    ];
    for (const argv of bad) {
      const message = (run: () => unknown): string => {
        try {
          run();
        } catch (error) {
          if (error instanceof UsageError) return error.message;
        }
        return 'accepted';
      };
      const fromEmulator = message(() => parseEmulatorArgs(argv));
      expect(fromEmulator, argv.join(' ')).not.toBe('accepted');
      expect(
        message(() => parseDashboardArgs(argv, ENV)),
        argv.join(' '),
      ).toBe(fromEmulator);
    }
  });
});
