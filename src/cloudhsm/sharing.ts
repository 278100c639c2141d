/**
 * Sharing a backup with other AWS accounts through its resource policy (PutResourcePolicy): reading a policy
 * into the accounts it shares with, writing the document AWS documents for it, and adding or removing one
 * account without touching the statements someone else wrote. Pure.
 *
 * The statement we write is the shape of the CloudHSM user guide's "Working with shared backups" and of the
 * PutResourcePolicy reference ("allows you to describe the backup and restore a cluster from the backup in
 * another AWS account"): Allow, the accounts as `arn:<partition>:iam::<account>:root` principals, the actions
 * `cloudhsm:CreateCluster` and `cloudhsm:DescribeBackups`, on the backup's ARN.
 */
import { isAccountId, parseBackupArn } from './ids';

/** The Sid of the statement the dashboard writes (other statements keep theirs). */
export const SHARE_SID = 'CloudHsmDashboardShare';
/** What a consumer account needs to see the backup and restore a cluster from it. */
export const SHARE_ACTIONS = ['cloudhsm:CreateCluster', 'cloudhsm:DescribeBackups'] as const;
/** PutResourcePolicy's Policy: 1–20000 characters (the service model). */
export const POLICY_MAX_LENGTH = 20000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Statement = { [key: string]: Json };

export type SharePolicy =
  | {
      kind: 'readable';
      /** The accounts the dashboard-shaped statements share with, in the order they appear, once each. */
      accounts: string[];
      /** Statements of another shape (conditions, denies, other actions or principals): kept as they are. */
      otherStatements: number;
      /** The document as read, to rewrite. */
      document: { [key: string]: Json };
    }
  /** Not a policy document the dashboard can safely rewrite: shown as text, left alone. */
  | { kind: 'unreadable'; reason: string };

const isObject = (value: unknown): value is { [key: string]: Json } => typeof value === 'object' && value !== null && !Array.isArray(value);

const listOf = (value: Json | undefined): Json[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** "123456789012" or "arn:<partition>:iam::123456789012:root" → the account; anything else → null. */
export function principalAccount(principal: Json): string | null {
  if (typeof principal !== 'string') return null;
  if (isAccountId(principal)) return principal;
  const root = /^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(principal);
  return root ? root[1]! : null;
}

const SHARE_KEYS = new Set(['Sid', 'Effect', 'Principal', 'Action', 'Resource']);

/** The accounts of a statement in the shape we write (Allow, account principals, sharing actions only), else null. */
function shareAccounts(statement: Json): string[] | null {
  if (!isObject(statement)) return null;
  if (Object.keys(statement).some((key) => !SHARE_KEYS.has(key))) return null;
  if (statement['Effect'] !== 'Allow') return null;
  const principal = statement['Principal'];
  if (!isObject(principal) || Object.keys(principal).join() !== 'AWS') return null;
  const actions = listOf(statement['Action']);
  if (actions.length === 0 || !actions.every((a) => typeof a === 'string' && (SHARE_ACTIONS as readonly string[]).includes(a))) return null;
  const accounts = listOf(principal['AWS']).map(principalAccount);
  if (accounts.length === 0 || accounts.some((a) => a === null)) return null;
  return accounts as string[];
}

/** Reads a policy (GetResourcePolicy's text; null or "{}" for none) into the accounts it shares with. */
export function readSharePolicy(policy: string | null | undefined): SharePolicy {
  if (policy === null || policy === undefined || policy.trim() === '')
    return { kind: 'readable', accounts: [], otherStatements: 0, document: {} };
  let document: unknown;
  try {
    document = JSON.parse(policy);
  } catch {
    return { kind: 'unreadable', reason: 'The policy is not valid JSON.' };
  }
  if (!isObject(document)) return { kind: 'unreadable', reason: 'The policy is not a JSON object.' };
  if (Object.keys(document).length === 0) return { kind: 'readable', accounts: [], otherStatements: 0, document };
  const statements = document['Statement'];
  if (statements === undefined) return { kind: 'unreadable', reason: 'The policy has no Statement.' };
  if (!isObject(statements) && !Array.isArray(statements))
    return { kind: 'unreadable', reason: 'The policy’s Statement is neither a statement nor a list.' };
  const accounts: string[] = [];
  let otherStatements = 0;
  for (const statement of listOf(statements)) {
    const shared = shareAccounts(statement);
    if (shared === null) otherStatements += 1;
    else for (const account of shared) if (!accounts.includes(account)) accounts.push(account);
  }
  return { kind: 'readable', accounts, otherStatements, document };
}

const rootPrincipal = (partition: string, account: string): string => `arn:${partition}:iam::${account}:root`;

/** The accounts as root principals of the backup's partition (one as a string, several as a list, as IAM writes them). */
function principalsOf(backupArn: string, accounts: readonly string[]): Statement {
  const partition = parseBackupArn(backupArn)?.partition ?? 'aws';
  const principals = accounts.map((account) => rootPrincipal(partition, account));
  return { AWS: principals.length === 1 ? principals[0]! : principals };
}

/** Our statement for these accounts. */
export function shareStatement(backupArn: string, accounts: readonly string[]): Statement {
  return {
    Sid: SHARE_SID,
    Effect: 'Allow',
    Principal: principalsOf(backupArn, accounts),
    Action: [...SHARE_ACTIONS],
    Resource: backupArn,
  };
}

/** The whole document that shares a backup with these accounts and nothing else. */
export function sharePolicyDocument(backupArn: string, accounts: readonly string[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [shareStatement(backupArn, accounts)] });
}

/** What to send after a change: a policy to put, or nothing left (DeleteResourcePolicy). */
export type PolicyChange = { kind: 'put'; policy: string } | { kind: 'delete' } | { kind: 'refused'; error: string };

const sizeChecked = (policy: string): PolicyChange =>
  policy.length > POLICY_MAX_LENGTH
    ? {
        kind: 'refused',
        error: `The policy would be ${policy.length} characters; CloudHSM takes at most ${POLICY_MAX_LENGTH}. Remove an account first.`,
      }
    : { kind: 'put', policy };

/** The document's statements with `account` added: to our statement if there is one, else in a new one. */
export function addShareAccount(current: SharePolicy, backupArn: string, account: string): PolicyChange {
  if (current.kind === 'unreadable')
    return { kind: 'refused', error: `The current policy cannot be read (${current.reason}) and is left as it is.` };
  if (current.accounts.includes(account)) return { kind: 'refused', error: `The backup is already shared with ${account}.` };
  const statements = listOf(current.document['Statement']);
  const ours = statements.findIndex((s) => isObject(s) && s['Sid'] === SHARE_SID && shareAccounts(s) !== null);
  const next =
    ours === -1
      ? [...statements, shareStatement(backupArn, [account])]
      : statements.map((s, i) =>
          i === ours ? { ...(s as Statement), Principal: principalsOf(backupArn, [...shareAccounts(s)!, account]) } : s,
        );
  return sizeChecked(JSON.stringify({ Version: '2012-10-17', ...current.document, Statement: next }));
}

/** The document without `account` in any sharing statement; a statement left with no account goes. */
export function removeShareAccount(current: SharePolicy, backupArn: string, account: string): PolicyChange {
  if (current.kind === 'unreadable')
    return { kind: 'refused', error: `The current policy cannot be read (${current.reason}) and is left as it is.` };
  if (!current.accounts.includes(account)) return { kind: 'refused', error: `The backup is not shared with ${account}.` };
  const next: Json[] = [];
  for (const statement of listOf(current.document['Statement'])) {
    const accounts = shareAccounts(statement);
    if (accounts === null || !accounts.includes(account)) {
      next.push(statement);
      continue;
    }
    const left = accounts.filter((a) => a !== account);
    // Only the principals change: the statement keeps its Sid, actions and resource.
    if (left.length > 0) next.push({ ...(statement as Statement), Principal: principalsOf(backupArn, left) });
  }
  if (next.length === 0) return { kind: 'delete' };
  return sizeChecked(JSON.stringify({ ...current.document, Statement: next }));
}

/** A typed account id, checked: 12 digits (spaces and hyphens as the console shows them are dropped), not the owner's. */
export function checkShareAccount(
  text: string,
  { owner, sharedWith }: { owner: string | undefined; sharedWith: readonly string[] },
): { ok: true; account: string } | { ok: false; error: string } {
  const account = text.replace(/[\s-]/g, '');
  if (account === '') return { ok: false, error: 'Enter the 12-digit ID of the AWS account to share with.' };
  if (!isAccountId(account))
    return { ok: false, error: `An AWS account ID is 12 digits (for example 444455556666); “${text.trim()}” is not.` };
  if (account === owner) return { ok: false, error: `${account} is the backup’s own account: share it with another account.` };
  if (sharedWith.includes(account)) return { ok: false, error: `The backup is already shared with ${account}.` };
  return { ok: true, account };
}

/** The RAM call that turns a policy-created share into a standard one (consumers then see the backup). */
export const PROMOTE_COMMAND = 'aws ram promote-resource-share-created-from-policy --resource-share-arn <resource-share-arn>';

/**
 * Why the shown account cannot change a backup's sharing, or null when it can: AWS shares only a READY
 * backup, and only its owner may (a backup shared with you cannot be shared on). `shownAccount` undefined:
 * the account is not known, and the backup, read in the caller's own account, is taken as its own.
 */
export function sharingBlockedReason(
  backup: { BackupState?: string; BackupArn?: string },
  shownAccount: string | undefined,
): string | null {
  const owner = parseBackupArn(backup.BackupArn)?.account;
  if (owner !== undefined && shownAccount !== undefined && owner !== shownAccount) {
    return `This backup belongs to account ${owner}; only its owner can share it.`;
  }
  if (backup.BackupState !== 'READY')
    return `Only a READY backup can be shared; this one is ${backup.BackupState ?? 'in an unknown state'}.`;
  return null;
}
