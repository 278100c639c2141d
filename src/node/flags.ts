/**
 * Command-line flags, the way both local programs (`npm start` and `npm run emulator`) read them: node's
 * parseArgs, strict (an unknown flag or a positional argument is an error), and one reading of the flags they
 * share. A bad flag is a UsageError: the programs print its message with their usage and exit 2.
 */
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface FlagDefinition {
  type: 'string' | 'boolean';
  short?: string;
  /** Repeatable (`--x a --x b`): the value is the list of what was given, in order. */
  multiple?: boolean;
}
export type FlagDefinitions = Readonly<Record<string, FlagDefinition>>;

type FlagValue<D extends FlagDefinition> = D['type'] extends 'boolean' ? boolean : string;

/** What parseArgs gives for these definitions: a string or a boolean per flag (a list for a repeatable one), absent when not given. */
export type FlagValues<T extends FlagDefinitions> = {
  [K in keyof T]?: T[K] extends { multiple: true } ? FlagValue<T[K]>[] : FlagValue<T[K]>;
};

/** Where a program listens, and its help. */
export const LISTEN_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies FlagDefinitions;

export function parseFlags<T extends FlagDefinitions>(argv: readonly string[], definitions: T): FlagValues<T> {
  try {
    const { values } = parseArgs({ args: [...argv], options: definitions, strict: true, allowPositionals: false });
    return values as FlagValues<T>;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A number the check accepts, or a UsageError saying what was expected. */
export function numberFlag(name: string, text: string, check: (n: number) => boolean, what: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} must be ${what}, got "${text}"`);
  return n;
}

export const positiveNumber = (name: string, text: string): number => numberFlag(name, text, (n) => n > 0, 'a positive number');
export const count = (name: string, text: string): number =>
  numberFlag(name, text, (n) => Number.isInteger(n) && n >= 0, 'a whole number (0 or more)');

export interface Listen {
  port: number;
  host: string;
}

/** --port (0 picks a free one) and --host, with the program's default port. */
export function readListenFlags(values: FlagValues<typeof LISTEN_FLAGS>, defaultPort: number): Listen {
  const port =
    values.port === undefined
      ? defaultPort
      : numberFlag('port', values.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a port number (0-65535)');
  const host = values.host ?? '127.0.0.1';
  if (host === '') throw new UsageError('--host must not be empty');
  return { port, host };
}

/** The usage lines of --port, --host and --help. */
export function listenUsage(defaultPort: number, hostNote = ''): string {
  return [
    `  --port N                 port to listen on (default ${defaultPort}; 0 picks a free one)`,
    `  --host ADDR              address to bind (default 127.0.0.1${hostNote})`,
    '  --help, -h               show this help',
  ].join('\n');
}

/** Flags given that belong to a group (for "X only applies with Y"). */
export function givenFlags<T extends FlagDefinitions>(values: FlagValues<T>, names: readonly (keyof T & string)[]): string[] {
  return names.filter((name) => values[name] !== undefined).map((name) => `--${name}`);
}
