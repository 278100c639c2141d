import { clip, clipList } from '../../cloudhsm/clip';
import { invalidRequest } from '../errors';
import type { Filters } from '../model/inputs';

/**
 * Checks Describe* filter keys (camelCase, exact) and enum-valued filters. Values of one key are ORed,
 * different keys ANDed; a key with an empty value list does not narrow the result.
 */
export function checkFilters<K extends string>(
  filters: Filters | undefined,
  allowed: readonly K[],
  enums: Partial<Record<K, readonly string[]>>,
): Partial<Record<K, string[]>> {
  const out: Partial<Record<K, string[]>> = {};
  if (!filters) return out;
  for (const [key, values] of Object.entries(filters)) {
    if (!(allowed as readonly string[]).includes(key)) {
      throw invalidRequest(`Invalid filter key "${clip(key)}". Valid filter keys: ${allowed.join(', ')}.`);
    }
    const allowedValues = enums[key as K];
    if (allowedValues) {
      const bad = values.filter((v) => !allowedValues.includes(v));
      if (bad.length > 0) {
        // Quoted in part: the list and its strings have no length limit in the model.
        throw invalidRequest(`Invalid value(s) for filter "${key}": ${clipList(bad)}. Valid values: ${allowedValues.join(', ')}.`);
      }
    }
    if (values.length > 0) out[key as K] = values;
  }
  return out;
}
