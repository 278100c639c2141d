/**
 * STS AssumeRole in the AWS Query protocol: reads and checks the form (the checks and words real STS answers
 * with, as argmin's STS oracle recorded them against AWS; docs/emulator-decisions.md) and writes the answer.
 * Any role of any account may be assumed by any caller the emulator accepts: there are no trust policies.
 * Isomorphic; the credentials themselves are issued by Principals (sts/principals.ts).
 */
import { clip } from '../../cloudhsm/clip';
import type { AssumedRole } from './principals';
import { escapeXml, StsError, STS_XMLNS } from './xml';

export const DEFAULT_DURATION_SECONDS = 3600;
export const MIN_DURATION_SECONDS = 900;
/** The API's maximum; the emulator's roles all allow it (a real role's MaxSessionDuration defaults to 1 hour). */
export const MAX_DURATION_SECONDS = 43_200;

/** botocore's `arnType` pattern: any XML character, what STS checks before it reads the ARN. */
const ARN_TYPE_PATTERN = '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+';
const SESSION_NAME_PATTERN = '[\\w+=,.@-]*';
const EXTERNAL_ID_PATTERN = '[\\w+=,.@:\\/-]*';
/** An IAM role ARN: partition, 12-digit account, optional path, name (IAM's role-name characters, 1 to 64). */
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/;

export interface AssumeRoleRequest {
  role: { partition: string; account: string; name: string };
  roleSessionName: string;
  durationSeconds: number;
  externalId?: string;
}

const clause = (value: string | null, member: string, rule: string): string =>
  `Value ${value === null ? 'null' : `'${clip(value)}'`} at '${member}' failed to satisfy constraint: Member must ${rule}`;

function lengthClauses(value: string, member: string, min: number, max: number, pattern?: { source: string; test: RegExp }): string[] {
  const out: string[] = [];
  if (pattern && !pattern.test.test(value)) out.push(clause(value, member, `satisfy regular expression pattern: ${pattern.source}`));
  if (value.length < min) out.push(clause(value, member, `have length greater than or equal to ${min}`));
  if (value.length > max) out.push(clause(value, member, `have length less than or equal to ${max}`));
  return out;
}

const validation = (clauses: string[]): StsError =>
  new StsError(
    'ValidationError',
    400,
    `${clauses.length} validation error${clauses.length === 1 ? '' : 's'} detected: ${clauses.join('; ')}`,
  );

/** DurationSeconds: absent is 3600; not an integer (or outside 32 bits) is MalformedInput, as STS answers. */
function readDuration(text: string | null, clauses: string[]): number {
  if (text === null) return DEFAULT_DURATION_SECONDS;
  if (!/^[+-]?\d+$/.test(text)) {
    throw new StsError('MalformedInput', 400, text === '' ? 'missing value for decimal type' : `${clip(text)} is not an integer.`);
  }
  const value = Number(text);
  if (value > 2 ** 31 - 1 || value < -(2 ** 31)) throw new StsError('MalformedInput', 400, `${clip(text)} is out of range for an integer.`);
  if (value < MIN_DURATION_SECONDS)
    clauses.push(clause(text, 'durationSeconds', `have value greater than or equal to ${MIN_DURATION_SECONDS}`));
  if (value > MAX_DURATION_SECONDS)
    clauses.push(clause(text, 'durationSeconds', `have value less than or equal to ${MAX_DURATION_SECONDS}`));
  return value;
}

/**
 * The request in an AssumeRole form, or the StsError STS answers: ValidationError with every failed constraint
 * (`Value null at 'roleArn' …` when missing), then `<arn> is invalid` for a well-sized value that is not a role
 * ARN. The first of repeated parameters counts, as on AWS.
 */
export function readAssumeRole(form: URLSearchParams): AssumeRoleRequest {
  const roleArn = form.get('RoleArn');
  const sessionName = form.get('RoleSessionName');
  const externalId = form.get('ExternalId');
  const clauses: string[] = [];
  if (roleArn === null) clauses.push(clause(null, 'roleArn', 'not be null'));
  else clauses.push(...lengthClauses(roleArn, 'roleArn', 20, 2048, { source: ARN_TYPE_PATTERN, test: /^[\s\S]+$/u }));
  if (sessionName === null) clauses.push(clause(null, 'roleSessionName', 'not be null'));
  else clauses.push(...lengthClauses(sessionName, 'roleSessionName', 2, 64, { source: SESSION_NAME_PATTERN, test: /^[\w+=,.@-]*$/ }));
  if (externalId !== null) {
    clauses.push(...lengthClauses(externalId, 'externalId', 2, 1224, { source: EXTERNAL_ID_PATTERN, test: /^[\w+=,.@:/-]*$/ }));
  }
  const durationSeconds = readDuration(form.get('DurationSeconds'), clauses);
  if (clauses.length > 0) throw validation(clauses);
  const match = ROLE_ARN.exec(roleArn!);
  if (!match) throw new StsError('ValidationError', 400, `${clip(roleArn!)} is invalid`);
  return {
    role: { partition: match[1]!, account: match[2]!, name: match[3]! },
    roleSessionName: sessionName!,
    durationSeconds,
    ...(externalId !== null && { externalId }),
  };
}

/** `2026-12-08T04:00:00Z`: ISO 8601 in whole seconds, as STS writes Expiration. */
export const expirationText = (millis: number): string => new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The answer, element for element as AWS sends it (argmin's oracle; no PackedPolicySize without a policy). */
export function assumeRoleXml(assumed: AssumedRole, requestId: string): string {
  const { credentials, user } = assumed;
  return (
    `<AssumeRoleResponse xmlns="${STS_XMLNS}">\n` +
    '  <AssumeRoleResult>\n' +
    '    <AssumedRoleUser>\n' +
    `      <AssumedRoleId>${escapeXml(user.AssumedRoleId)}</AssumedRoleId>\n` +
    `      <Arn>${escapeXml(user.Arn)}</Arn>\n` +
    '    </AssumedRoleUser>\n' +
    '    <Credentials>\n' +
    `      <AccessKeyId>${credentials.AccessKeyId}</AccessKeyId>\n` +
    `      <SecretAccessKey>${credentials.SecretAccessKey}</SecretAccessKey>\n` +
    `      <SessionToken>${credentials.SessionToken}</SessionToken>\n` +
    `      <Expiration>${expirationText(credentials.expiresAt)}</Expiration>\n` +
    '    </Credentials>\n' +
    '  </AssumeRoleResult>\n' +
    '  <ResponseMetadata>\n' +
    `    <RequestId>${escapeXml(requestId)}</RequestId>\n` +
    '  </ResponseMetadata>\n' +
    '</AssumeRoleResponse>\n'
  );
}
