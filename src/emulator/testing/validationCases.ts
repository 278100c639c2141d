/**
 * The validation table: for every member of every operation input in the constraint table, wrong JSON types,
 * missing required members, lengths just past each limit, integers just outside each range, list and map
 * sizes, enums and near-miss strings for each pattern, each with the error it must get; and the values at
 * each boundary, which must be accepted. Built by walking the table, shape by shape.
 */
import { expect } from 'vitest';
import {
  OPERATION_INPUTS,
  type BooleanShape,
  type IntegerShape,
  type ListShape,
  type MapShape,
  type Shape,
  type StringShape,
  type StructureShape,
} from '../../cloudhsm/constraints';
import { OPERATION_NAMES, type OperationName } from '../../cloudhsm/operations';
import { EmulatorError } from '../errors';
import { validateInput } from '../model/validate';
import type { RawResponse } from './harness';
import { matchesAnything, NEAR_HITS, NEAR_MISSES, ofLength, sample, validValue } from './validationValues';

export const INVALID = 'CloudHsmInvalidRequestException';
export const SERIALIZATION = 'SerializationException';
type ErrorType = typeof INVALID | typeof SERIALIZATION;

export interface Case {
  title: string;
  body: unknown;
  type: ErrorType;
  /** Each must appear in the message. */
  fragments: string[];
}
export interface Accept {
  title: string;
  body: unknown;
}

export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const join = (path: string, member: string): string => (path ? `${path}.${lowerFirst(member)}` : lowerFirst(member));
const at = (path: string): string => `at '${path}'`;
const C = {
  pattern: 'Member must satisfy regular expression pattern',
  enum: 'Member must satisfy enum value set',
  notNull: 'Member must not be null',
  maxLength: (n: number) => `Member must have length less than or equal to ${n}`,
  minLength: (n: number) => `Member must have length greater than or equal to ${n}`,
  maxValue: (n: number) => `Member must have value less than or equal to ${n}`,
  minValue: (n: number) => `Member must have value greater than or equal to ${n}`,
};

/** Where the walk is: the member path, how a value of it becomes a whole body, and what was found so far. */
interface Walk {
  path: string;
  wrap: (value: unknown) => unknown;
  cases: Case[];
  accepts: Accept[];
}

const refuse = (w: Walk, what: string, value: unknown, type: ErrorType, fragments: string[]): void => {
  w.cases.push({ title: `${w.path} ${what}`, body: w.wrap(value), type, fragments });
};
const accept = (w: Walk, what: string, value: unknown): void => {
  w.accepts.push({ title: `${w.path} ${what}`, body: w.wrap(value) });
};
const wrongType = (w: Walk, what: string, value: unknown): void => refuse(w, `as ${what}`, value, SERIALIZATION, [`'${w.path}'`]);

function walkStructure(shape: StructureShape, w: Walk): void {
  const base = validValue(shape) as Record<string, unknown>;
  if (w.path) {
    // (The body itself is covered by the body-as-... cases.)
    wrongType(w, 'a string', 'x');
    wrongType(w, 'a list', [base]);
  }
  for (const name of shape.required) {
    const { [name]: _omitted, ...rest } = base;
    const path = join(w.path, name);
    w.cases.push({ title: `${path} missing`, body: w.wrap(rest), type: INVALID, fragments: [`Value null ${at(path)}`, C.notNull] });
    w.cases.push({ title: `${path} null`, body: w.wrap({ ...base, [name]: null }), type: INVALID, fragments: [at(path), C.notNull] });
  }
  for (const [name, member] of Object.entries(shape.members)) {
    walk(member, { ...w, path: join(w.path, name), wrap: (value) => w.wrap({ ...base, [name]: value }) });
  }
}

function walkString(shape: StringShape, w: Walk): void {
  wrongType(w, 'a number', 42);
  wrongType(w, 'a boolean', true);
  wrongType(w, 'an object', { value: sample(shape.enum ? 'String' : shape.name) });
  if (shape.max !== undefined) {
    refuse(w, `longer than ${shape.max}`, ofLength(shape, shape.max + 1), INVALID, [at(w.path), C.maxLength(shape.max)]);
    accept(w, `of length ${shape.max}`, ofLength(shape, shape.max));
  }
  if (shape.min !== undefined && shape.min > 0) {
    refuse(w, `shorter than ${shape.min}`, ofLength(shape, shape.min - 1), INVALID, [at(w.path), C.minLength(shape.min)]);
    accept(w, `of length ${shape.min}`, ofLength(shape, shape.min));
  }
  if (shape.enum) {
    const first = shape.enum[0]!;
    for (const bad of [first.toLowerCase(), `${first} `, 'BOGUS', ''])
      refuse(w, `= ${JSON.stringify(bad)}`, bad, INVALID, [at(w.path), C.enum]);
    for (const good of shape.enum) accept(w, `= ${good}`, good);
  }
  if (shape.pattern && !matchesAnything(shape)) {
    const misses = NEAR_MISSES[shape.name];
    if (!misses) throw new Error(`No NEAR_MISSES for pattern shape ${shape.name}.`);
    for (const bad of misses) refuse(w, `= ${JSON.stringify(bad)}`, bad, INVALID, [at(w.path), C.pattern]);
    for (const good of [sample(shape.name, 0), sample(shape.name, 12345), ...(NEAR_HITS[shape.name] ?? [])])
      accept(w, `= ${JSON.stringify(good)}`, good);
  }
}

function walkInteger(shape: IntegerShape, w: Walk): void {
  wrongType(w, 'a string', '10');
  wrongType(w, 'a fraction', 1.5);
  wrongType(w, 'a boolean', false);
  if (shape.min !== undefined) {
    refuse(w, `= ${shape.min - 1}`, shape.min - 1, INVALID, [at(w.path), C.minValue(shape.min)]);
    refuse(w, `= -1000000`, -1_000_000, INVALID, [at(w.path), C.minValue(shape.min)]);
    accept(w, `= ${shape.min}`, shape.min);
  }
  if (shape.max !== undefined) {
    refuse(w, `= ${shape.max + 1}`, shape.max + 1, INVALID, [at(w.path), C.maxValue(shape.max)]);
    refuse(w, '= 1e300', 1e300, INVALID, [at(w.path), C.maxValue(shape.max)]);
    accept(w, `= ${shape.max}`, shape.max);
  }
}

function walkBoolean(_shape: BooleanShape, w: Walk): void {
  wrongType(w, 'a string', 'true');
  wrongType(w, 'a number', 1);
  accept(w, '= true', true);
  accept(w, '= false', false);
}

function walkList(shape: ListShape, w: Walk): void {
  wrongType(w, 'a string', String(validValue(shape.member)));
  wrongType(w, 'an object', { 0: validValue(shape.member) });
  if (shape.min !== undefined && shape.min > 0) {
    refuse(w, `with ${shape.min - 1} items`, [], INVALID, [at(w.path), C.minLength(shape.min)]);
  }
  if (shape.max !== undefined) {
    const items = (n: number): unknown[] => Array.from({ length: n }, (_, k) => validValue(shape.member, k));
    refuse(w, `with ${shape.max + 1} items`, items(shape.max + 1), INVALID, [at(w.path), C.maxLength(shape.max)]);
    accept(w, `with ${shape.max} items`, items(shape.max));
  }
  refuse(w, 'with a null item', [validValue(shape.member), null], INVALID, [at(`${w.path}.2.member`), C.notNull]);
  walk(shape.member, { ...w, path: `${w.path}.1.member`, wrap: (value) => w.wrap([value]) });
}

function walkMap(shape: MapShape, w: Walk): void {
  wrongType(w, 'a list', [validValue(shape.value)]);
  wrongType(w, 'a string', 'x');
  if (shape.max !== undefined) {
    const entries = (n: number): Record<string, unknown> =>
      Object.fromEntries(Array.from({ length: n }, (_, k) => [sample(shape.key.name, k + 1), validValue(shape.value, k)]));
    refuse(w, `with ${shape.max + 1} keys`, entries(shape.max + 1), INVALID, [at(w.path), C.maxLength(shape.max)]);
    accept(w, `with ${shape.max} keys`, entries(shape.max));
  }
  // Keys are always strings in JSON: only their pattern can be wrong.
  for (const bad of NEAR_MISSES[shape.key.name] ?? []) {
    refuse(w, `with key ${JSON.stringify(bad)}`, { [bad]: validValue(shape.value) }, INVALID, [w.path, C.pattern]);
  }
  const key = sample(shape.key.name);
  walk(shape.value, { ...w, path: `${w.path}.${key}`, wrap: (value) => w.wrap({ [key]: value }) });
}

/** The walker of each kind of shape. */
const WALKERS: { [K in Shape['type']]: (shape: Extract<Shape, { type: K }>, w: Walk) => void } = {
  structure: walkStructure,
  string: walkString,
  integer: walkInteger,
  boolean: walkBoolean,
  list: walkList,
  map: walkMap,
};

function walk(shape: Shape, w: Walk): void {
  (WALKERS[shape.type] as (shape: Shape, w: Walk) => void)(shape, w);
}

function tableFor(operation: OperationName): { cases: Case[]; accepts: Accept[]; baseline: unknown } {
  const cases: Case[] = [];
  const accepts: Accept[] = [];
  const input: StructureShape = OPERATION_INPUTS[operation];
  for (const [title, body] of [
    ['body as a list', []],
    ['body as a string', 'x'],
    ['body as a number', 7],
  ] as const) {
    cases.push({ title, body, type: SERIALIZATION, fragments: ["'body'"] });
  }
  walk(input, { path: '', wrap: (value) => value, cases, accepts });
  return { cases, accepts, baseline: validValue(input) };
}

/** The table of every operation. */
export const TABLES = Object.fromEntries(OPERATION_NAMES.map((op) => [op, tableFor(op)])) as Record<
  OperationName,
  ReturnType<typeof tableFor>
>;

/** Asserts a raw call was refused (400) with `type` and a message holding each fragment; returns the message. */
export function expectRefused(response: RawResponse, type: string, fragments: readonly string[] = []): string {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body['__type'], JSON.stringify(response.body)).toBe(type);
  const message = response.body['message'];
  expect(typeof message).toBe('string');
  for (const fragment of fragments) expect(message as string).toContain(fragment);
  return message as string;
}

/** The emulator's validation error for the body (null: valid), without HTTP. */
export const validationError = (body: unknown, operation: OperationName): EmulatorError | null => {
  try {
    validateInput(OPERATION_INPUTS[operation], body);
    return null;
  } catch (error) {
    if (error instanceof EmulatorError) return error;
    throw error;
  }
};
