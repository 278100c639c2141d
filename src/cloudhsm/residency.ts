/**
 * Data residency: a backup or its cluster tagged with the residency key (default `data-residency`, the server's
 * `--residency-tag-key`) holds key material that must stay in the regions the tag's value names: a region code
 * (`eu-west-1`) or a prefix of codes (`eu`, `us-gov`, `ap-southeast`), matched on the code's `-` boundaries
 * (`eu` matches eu-west-1, never a code that merely starts with the letters). A value that names no CloudHSM
 * region cannot be checked, so it blocks the copy like a mismatch does (the person may still override). Pure.
 */
import { CLOUDHSM_REGIONS } from './regions';

export const DEFAULT_RESIDENCY_TAG_KEY = 'data-residency';

interface TagLike {
  Key?: string | undefined;
  Value?: string | undefined;
}

/** A resource whose tags bind the copy: the backup being copied, or its cluster. */
export interface ResidencySubject {
  kind: 'backup' | 'cluster';
  id: string;
  tags: readonly TagLike[];
}

export interface ResidencyBlock {
  kind: 'backup' | 'cluster';
  id: string;
  /** The tag as `key=value`. */
  tag: string;
  /** The value names no region (so it could not be checked), rather than other regions. */
  invalid: boolean;
  /** One sentence for the dialog. */
  reason: string;
}

const VALUE_SHAPE = /^[a-z]{2}(-[a-z0-9]+)*$/;

/** The normalised value when it is a region code or a prefix of one on `-` boundaries, else null. */
export function residencyScope(value: string): string | null {
  const scope = value.trim().toLowerCase();
  if (!VALUE_SHAPE.test(scope)) return null;
  return CLOUDHSM_REGIONS.some((region) => inScope(scope, region)) ? scope : null;
}

const inScope = (scope: string, region: string): boolean => region === scope || region.startsWith(`${scope}-`);

/** Whether a copy to `region` stays within the value's regions: 'invalid' when the value names no region. */
export function residencyAllows(value: string, region: string): 'yes' | 'no' | 'invalid' {
  const scope = residencyScope(value);
  if (scope === null) return 'invalid';
  return inScope(scope, region) ? 'yes' : 'no';
}

/**
 * What stops a copy to `destination`: one entry per subject whose residency tag (`key`, matched exactly, as
 * AWS tag keys are case-sensitive) does not allow it. Empty: nothing stops it.
 */
export function residencyBlocks(subjects: readonly ResidencySubject[], destination: string, key: string): ResidencyBlock[] {
  const blocks: ResidencyBlock[] = [];
  for (const subject of subjects) {
    for (const t of subject.tags) {
      if (t.Key !== key) continue;
      const value = t.Value ?? '';
      const tag = `${key}=${value}`;
      const verdict = residencyAllows(value, destination);
      if (verdict === 'yes') continue;
      const who = `The ${subject.kind} ${subject.id} is tagged ${tag}`;
      blocks.push({
        kind: subject.kind,
        id: subject.id,
        tag,
        invalid: verdict === 'invalid',
        reason:
          verdict === 'invalid'
            ? `${who}, which is not a region code or prefix (such as eu, eu-west-1 or us-gov), so where its key material may go cannot be checked.`
            : `${who}: its key material must stay in ${describeScope(value)}, and ${destination} is outside.`,
      });
    }
  }
  return blocks;
}

function describeScope(value: string): string {
  const scope = residencyScope(value) ?? value;
  return CLOUDHSM_REGIONS.includes(scope) ? scope : `the ${scope}-* regions`;
}
