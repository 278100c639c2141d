/**
 * Large adversarial request bodies for one operation, built from its input shape: each is just under the
 * 1 MiB body limit and made to be quoted back as much as possible (long invalid strings, lists of many invalid
 * items, long or many map keys, long filter values, wrong types under long keys, broken JSON).
 */
import { OPERATION_INPUTS, type Shape } from '../../cloudhsm/constraints';
import { type OperationName } from '../../cloudhsm/operations';

/** Bytes of payload per body: under the 1 MiB limit, so the body is read and validated. */
export const ADVERSARIAL_BYTES = 900 * 1024;

export interface AdversarialBody {
  what: string;
  body: string;
}

/** A string no model pattern or enum accepts ('!' is in none of them), `length` characters long. */
const bad = (length: number): string => '!'.repeat(Math.max(1, length));

/** A value of `shape` whose strings are `length` characters of invalid text. */
function longValue(shape: Shape, length: number): unknown {
  switch (shape.type) {
    case 'string':
      return bad(length);
    case 'integer':
      return 2 ** 31;
    case 'boolean':
      return true;
    case 'list':
      return [longValue(shape.member, length)];
    case 'map':
      return { [bad(length)]: [bad(length)] };
    case 'structure':
      return Object.fromEntries(Object.entries(shape.members).map(([name, member]) => [name, longValue(member, length)]));
  }
}

/** A value of `shape` with as many small invalid items as `bytes` allow in each list and map. */
function manyValue(shape: Shape, bytes: number): unknown {
  switch (shape.type) {
    case 'list': {
      const item = manyValue(shape.member, 8);
      const size = JSON.stringify(item).length + 1;
      return Array.from({ length: Math.max(1, Math.floor(bytes / size)) }, () => item);
    }
    case 'map':
      return Object.fromEntries(Array.from({ length: Math.floor(bytes / 16) }, (_, i) => [`!${i}`, [null]]));
    case 'structure':
      return Object.fromEntries(Object.entries(shape.members).map(([name, member]) => [name, manyValue(member, bytes)]));
    default:
      return longValue(shape, 2);
  }
}

/** Counts the leaves a value spreads its budget over. */
function leaves(shape: Shape): number {
  switch (shape.type) {
    case 'list':
      return leaves(shape.member);
    case 'map':
      return 2;
    case 'structure':
      return Object.values(shape.members).reduce((n, member) => n + leaves(member), 0) || 1;
    default:
      return 1;
  }
}

export function adversarialBodies(operation: OperationName): AdversarialBody[] {
  const shape = OPERATION_INPUTS[operation];
  const members = Object.keys(shape.members).length || 1;
  const perLeaf = Math.floor(ADVERSARIAL_BYTES / leaves(shape));
  const big = ADVERSARIAL_BYTES;
  const bodies: AdversarialBody[] = [
    { what: 'every string long and invalid', body: JSON.stringify(longValue(shape, perLeaf)) },
    { what: 'every list and map with as many invalid items as fit', body: JSON.stringify(manyValue(shape, Math.floor(big / members))) },
    { what: 'a long unknown filter key', body: JSON.stringify({ Filters: { [`a${'b'.repeat(big)}`]: ['x'] } }) },
    { what: 'a long filter key of invalid characters', body: JSON.stringify({ Filters: { [bad(big)]: [null] } }) },
    { what: 'a wrong type under a long filter key', body: JSON.stringify({ Filters: { [`a${'b'.repeat(big)}`]: 'not a list' } }) },
    { what: 'one long invalid state', body: JSON.stringify({ Filters: { states: [bad(big)] } }) },
    { what: 'many invalid states', body: JSON.stringify({ Filters: { states: Array.from({ length: big / 8 }, (_, i) => `S${i}`) } }) },
    {
      what: 'many long invalid filter values',
      body: JSON.stringify({ Filters: { neverExpires: Array.from({ length: 100 }, () => bad(big / 100)) } }),
    },
    {
      what: 'many reserved tag keys',
      body: JSON.stringify({
        ResourceId: 'cluster-aaaaaaaaaaa',
        TagKeyList: Array.from({ length: big / 140 }, (_, i) => `aws:${String(i).padStart(128, 'k')}`),
      }),
    },
    { what: 'broken JSON', body: `{"${'x'.repeat(big)}` },
    { what: 'a wrong type at the top', body: JSON.stringify([bad(big)]) },
  ];
  return bodies;
}
