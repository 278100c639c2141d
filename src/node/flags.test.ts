import { describe, expect, it } from 'vitest';
import { count, givenFlags, LISTEN_FLAGS, parseFlags, positiveNumber, readListenFlags, UsageError } from './flags';

describe('parseFlags', () => {
  it('reads the defined flags, --help and -h, and refuses anything else', () => {
    expect(parseFlags(['--port', '1', '--host', 'h'], LISTEN_FLAGS)).toEqual({ port: '1', host: 'h' });
    expect(parseFlags(['-h'], LISTEN_FLAGS)).toEqual({ help: true });
    for (const argv of [['--nope'], ['positional'], ['--port']])
      expect(() => parseFlags(argv, LISTEN_FLAGS), argv.join(' ')).toThrow(UsageError);
  });

  it('gives a repeatable flag as the list of its values, in order', () => {
    const definitions = { role: { type: 'string', multiple: true }, port: { type: 'string' } } as const;
    const values = parseFlags(['--role', 'a', '--port', '1', '--role', 'b'], definitions);
    expect(values).toEqual({ role: ['a', 'b'], port: '1' });
    expect(parseFlags([], definitions).role).toBeUndefined();
    expect(givenFlags(values, ['role'])).toEqual(['--role']);
  });

  it('names the flags of a group that were given', () => {
    expect(givenFlags(parseFlags(['--host', 'h'], LISTEN_FLAGS), ['port', 'host'])).toEqual(['--host']);
  });
});

describe('where a program listens', () => {
  it('takes a port from 0 to 65535 and a host, with the program default port', () => {
    expect(readListenFlags({}, 4566)).toEqual({ port: 4566, host: '127.0.0.1' });
    expect(readListenFlags({ port: '0', host: '::1' }, 4566)).toEqual({ port: 0, host: '::1' });
    expect(readListenFlags({ port: '65535' }, 1).port).toBe(65535);
  });

  it('refuses what is not a port, and an empty host, saying what it expected', () => {
    for (const port of ['-1', '65536', '1.5', 'http', '', ' '])
      expect(() => readListenFlags({ port }, 1), port).toThrow(/--port must be a port number \(0-65535\)/);
    expect(() => readListenFlags({ host: '' }, 1)).toThrow('--host must not be empty');
  });
});

describe('numbers', () => {
  it('positive numbers and counts', () => {
    expect(positiveNumber('speed', '0.5')).toBe(0.5);
    for (const text of ['0', '-1', 'fast', '', 'Infinity'])
      expect(() => positiveNumber('speed', text), text).toThrow(/--speed must be a positive number/);
    expect(count('large-clusters', '0')).toBe(0);
    for (const text of ['-1', '1.5', 'many'])
      expect(() => count('large-clusters', text), text).toThrow(/--large-clusters must be a whole number/);
  });
});
