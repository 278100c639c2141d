/**
 * Keeps the hand-written constraint table honest: compares it with the service model shipped in botocore
 * (skipped when botocore is not installed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { OPERATION_INPUTS, type Shape } from './constraints';

interface ModelShape {
  type: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  required?: string[];
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
}
interface Model {
  operations: Record<string, { input: { shape: string } }>;
  shapes: Record<string, ModelShape>;
}

function loadModel(): Model | null {
  const found = spawnSync('python3', ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' });
  if (found.status !== 0) return null;
  const path = `${found.stdout.trim()}/data/cloudhsmv2/2017-04-28/service-2.json.gz`;
  if (!existsSync(path)) return null;
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as Model;
}

const model = loadModel();
/** Our patterns are the model's wrapped in ^(?:...)$ for full-match semantics. */
const unwrap = (re: RegExp): string => re.source.replace(/^\^\(\?:/, '').replace(/\)\$$/, '');

function compare(ours: Shape, modelName: string, path: string, problems: string[]): void {
  const theirs = model!.shapes[modelName]!;
  const type = theirs.type === 'integer' || theirs.type === 'long' ? 'integer' : theirs.type;
  if (ours.type !== type) {
    problems.push(`${path}: type ${ours.type} vs model ${theirs.type}`);
    return;
  }
  const o = ours as Shape & { min?: number; max?: number; pattern?: RegExp; enum?: readonly string[] };
  // The model's min: 0 on strings is the default; ours may leave it out.
  if ((o.min ?? 0) !== (theirs.min ?? 0) && !(ours.type === 'list' && theirs.min === undefined))
    problems.push(`${path}: min ${o.min} vs ${theirs.min}`);
  if (o.max !== theirs.max) problems.push(`${path}: max ${o.max} vs ${theirs.max}`);
  const theirPattern = theirs.pattern
    ?.replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/^\((.*)\)$/, '$1');
  if (o.pattern && theirs.pattern === undefined) problems.push(`${path}: we have a pattern the model lacks`);
  if (!o.pattern && theirs.pattern !== undefined && theirs.pattern !== '.*') problems.push(`${path}: missing pattern ${theirs.pattern}`);
  if (o.pattern && theirPattern !== undefined) {
    const mine = unwrap(o.pattern).replace(/^\((.*)\)$/, '$1');
    const normalized = (source: string): string => new RegExp(source, o.pattern!.flags).source;
    if (mine !== normalized(theirPattern) && mine !== normalized(theirs.pattern!))
      problems.push(`${path}: pattern ${mine} vs model ${theirs.pattern}`);
  }
  if (JSON.stringify(o.enum ?? null) !== JSON.stringify(theirs.enum ?? null)) problems.push(`${path}: enum ${o.enum} vs ${theirs.enum}`);
  if (ours.type === 'structure') {
    const members = theirs.members ?? {};
    if (JSON.stringify(Object.keys(ours.members).sort()) !== JSON.stringify(Object.keys(members).sort())) {
      problems.push(`${path}: members ${Object.keys(ours.members)} vs ${Object.keys(members)}`);
    }
    if (JSON.stringify([...ours.required].sort()) !== JSON.stringify([...(theirs.required ?? [])].sort())) {
      problems.push(`${path}: required ${ours.required} vs ${theirs.required ?? []}`);
    }
    for (const [name, shape] of Object.entries(ours.members)) {
      const ref = members[name];
      if (ref) compare(shape, ref.shape, `${path}.${name}`, problems);
    }
  } else if (ours.type === 'list') compare(ours.member, theirs.member!.shape, `${path}[]`, problems);
  else if (ours.type === 'map') {
    compare(ours.key, theirs.key!.shape, `${path}{key}`, problems);
    compare(ours.value, theirs.value!.shape, `${path}{value}`, problems);
  }
}

describe.skipIf(model === null)('constraint table vs botocore service model', () => {
  it('has exactly the model operations', () => {
    expect(Object.keys(OPERATION_INPUTS).sort()).toEqual(Object.keys(model!.operations).sort());
  });
  it.each(Object.keys(OPERATION_INPUTS))('%s input matches the model', (operation) => {
    const problems: string[] = [];
    const input = OPERATION_INPUTS[operation as keyof typeof OPERATION_INPUTS];
    compare(input, model!.operations[operation]!.input.shape, operation, problems);
    expect(problems).toEqual([]);
  });
});
