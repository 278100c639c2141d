import { clip } from '../../cloudhsm/clip';
import { EmulatorError } from '../errors';
import type { Shape, StructureShape } from '../../cloudhsm/constraints';

/**
 * AWS request validation lists at most 10 failures, and its count stops at 10 too: live DynamoDB and Kinesis
 * answered "10 validation errors detected: " with ten clauses for 27 and 504 failures (the tests of dynalite
 * and kinesalite, written against the live services). Checking goes on after ten, since a wrong JSON type
 * anywhere is a SerializationException instead.
 */
export const MAX_LISTED_PROBLEMS = 10;

/**
 * Validates a request body against an operation's input shape.
 *
 * Wrong JSON types are a SerializationException (the body cannot be read into the shape at all); constraint
 * failures are reported in one CloudHsmInvalidRequestException (the first ten, see MAX_LISTED_PROBLEMS, values
 * and map keys clipped to 80 characters), worded the way AWS's request validation words them ("1 validation error detected: Value 'x' at 'clusterId' failed to satisfy
 * constraint: ..."), with member paths in lowerCamelCase and 1-based list indexes. Unknown members are ignored,
 * as AWS JSON services do.
 *
 * JSON null for an optional member (or a map value) means "absent", as the SDKs treat it: such members are
 * removed from `body` in place, so the operations never see a null where the typed input says "string".
 */
export function validateInput(shape: StructureShape, body: unknown): void {
  const problems = new Problems();
  checkStructure(shape, body, '', problems);
  if (problems.listed.length > 0) {
    const n = problems.listed.length;
    const count = n === 1 ? '1 validation error detected' : `${n} validation errors detected`;
    throw new EmulatorError('CloudHsmInvalidRequestException', `${count}: ${problems.listed.join('; ')}`);
  }
}

/** The first MAX_LISTED_PROBLEMS failures. */
class Problems {
  readonly listed: string[] = [];
  /** Takes the wording as a function: a 600 KB body can fail 100,000 times, and only ten are worded. */
  push(word: () => string): void {
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(word());
  }
}

const lowerFirst = (s: string): string => (s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s);
const join = (path: string, member: string): string => (path ? `${path}.${member}` : member);
/** A map key in a path is client input: quoted clipped like any value. */
const keyPath = (path: string, key: string): string => `${path}.${clip(key)}`;
const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const quote = (value: string): string => `'${clip(value)}'`;

function wrongType(expected: string, value: unknown, path: string): EmulatorError {
  return new EmulatorError('SerializationException', `Cannot read ${typeName(value)} at '${path || 'body'}': expected ${expected}`);
}

function checkStructure(shape: StructureShape, value: unknown, path: string, problems: Problems): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType('an object', value, path);
  const record = value as Record<string, unknown>;
  for (const name of shape.required) {
    if (record[name] === undefined || record[name] === null) {
      problems.push(() => `Value null at '${join(path, lowerFirst(name))}' failed to satisfy constraint: Member must not be null`);
    }
  }
  for (const [name, memberShape] of Object.entries(shape.members)) {
    const member = record[name];
    // JSON null for an optional member means "absent", as the SDKs treat it.
    if (member === null) delete record[name];
    if (member === undefined || member === null) continue;
    check(memberShape, member, join(path, lowerFirst(name)), problems);
  }
}

function check(shape: Shape, value: unknown, path: string, problems: Problems): void {
  switch (shape.type) {
    case 'structure':
      checkStructure(shape, value, path, problems);
      return;
    case 'string': {
      if (typeof value !== 'string') throw wrongType('a string', value, path);
      const length = [...value].length;
      if (shape.min !== undefined && length < shape.min) {
        problems.push(
          () =>
            `Value ${quote(value)} at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`,
        );
      }
      if (shape.max !== undefined && length > shape.max) {
        problems.push(() => `Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      }
      const allowed = shape.enum;
      if (allowed && !allowed.includes(value)) {
        problems.push(
          () =>
            `Value ${quote(value)} at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
        );
      }
      if (shape.pattern && !shape.pattern.test(value)) {
        // The model's own text: without our ^(?:...)$ wrapper and RegExp's escaping of '/'.
        const source = shape.pattern.source
          .replace(/^\^\(\?:/, '')
          .replace(/\)\$$/, '')
          .replace(/\\\//g, '/');
        problems.push(
          () =>
            `Value ${quote(value)} at '${path}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${source}`,
        );
      }
      return;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType('a number', value, path);
      if (!Number.isInteger(value)) throw wrongType('an integer', value, path);
      if (shape.min !== undefined && value < shape.min) {
        problems.push(
          () => `Value '${value}' at '${path}' failed to satisfy constraint: Member must have value greater than or equal to ${shape.min}`,
        );
      }
      if (shape.max !== undefined && value > shape.max) {
        problems.push(
          () => `Value '${value}' at '${path}' failed to satisfy constraint: Member must have value less than or equal to ${shape.max}`,
        );
      }
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType('a boolean', value, path);
      return;
    case 'list': {
      if (!Array.isArray(value)) throw wrongType('a list', value, path);
      if (shape.min !== undefined && value.length < shape.min) {
        problems.push(
          () => `Value at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`,
        );
      }
      if (shape.max !== undefined && value.length > shape.max) {
        problems.push(() => `Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      }
      value.forEach((item: unknown, index) => {
        if (item === null || item === undefined) {
          problems.push(() => `Value null at '${path}.${index + 1}.member' failed to satisfy constraint: Member must not be null`);
          return;
        }
        check(shape.member, item, `${path}.${index + 1}.member`, problems);
      });
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType('a map', value, path);
      const entries = Object.entries(value as Record<string, unknown>);
      if (shape.max !== undefined && entries.length > shape.max) {
        problems.push(() => `Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      }
      for (const [key, item] of entries) {
        check(shape.key, key, `${path}.key`, problems);
        if (item === null || item === undefined) {
          // A null map value is an absent entry (SDK serializers drop them too).
          delete (value as Record<string, unknown>)[key];
          continue;
        }
        check(shape.value, item, keyPath(path, key), problems);
      }
      return;
    }
  }
}
