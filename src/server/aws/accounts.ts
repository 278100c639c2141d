/**
 * AWS mode's accounts: the base credentials' account, then each --assume-role's and each --profiles profile's.
 * Each has its own credential source (resolved, cached and refreshed here, never sent anywhere but AWS); one
 * account failing (AccessDenied on AssumeRole, a profile without credentials) leaves the others working and is
 * listed with the reason. Accounts are told apart by id, the base first: a second way into an account is dropped.
 */
import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { AccountInfo } from '../../cloudhsm/api';
import { DashboardApiError, unknownAccount } from '../apiErrors';
import { ROLE_SESSION_NAME } from '../options';
import { redact } from '../security/redact';
import type { CallerIdentity } from './accountId';
import { callerIdentityLookup } from './accountId';
import { roleParts } from '../identity';
import { profileIsDefined } from './config';
import { refreshingCredentials, type CredentialSource } from './credentials';

/** STS's region for a partition: AssumeRole is answered in the partition of the role. */
function stsRegionFor(partition: string, shownRegion: string): string {
  if (partition === 'aws-us-gov') return shownRegion.startsWith('us-gov-') ? shownRegion : 'us-gov-west-1';
  if (partition === 'aws-cn') return shownRegion.startsWith('cn-') ? shownRegion : 'cn-north-1';
  return 'us-east-1';
}

const messageOf = (error: unknown): string =>
  redact((error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300));

/** Why assuming the role failed, and what to check. */
export function assumeRoleAdvice(roleArn: string, error: unknown, baseArn: string | undefined, externalId: boolean): DashboardApiError {
  if (error instanceof DashboardApiError)
    return new DashboardApiError(
      error.type,
      error.status,
      `Assuming ${roleArn} needs the base credentials, which failed: ${error.message}`,
    );
  const code = error instanceof Error ? error.name : 'Error';
  const detail = messageOf(error);
  const who = baseArn ?? 'the base credentials';
  if (/AccessDenied/i.test(code) || /not authorized/i.test(detail)) {
    return new DashboardApiError(
      'AccessDeniedException',
      403,
      `Assuming ${roleArn} failed: ${code}: ${detail} Check that the role's trust policy allows ${who} to sts:AssumeRole${externalId ? ' with the --external-id given' : ''}, and that their IAM policy allows it too.`,
    );
  }
  return new DashboardApiError(
    'AssumeRoleFailedException',
    502,
    `Assuming ${roleArn} failed: ${code}: ${detail} Check the role ARN${externalId ? ', the --external-id' : ''} and that STS can be reached, then retry.`,
  );
}

export interface AccountsOptions {
  base: CredentialSource;
  /** The base credentials' identity (null: not looked up). */
  baseIdentity: (() => Promise<CallerIdentity | undefined>) | null;
  /** The base's --profile, if any. */
  baseProfile?: string;
  roles: readonly string[];
  externalId?: string;
  profiles: readonly string[];
  /** The first region shown (picks STS's region in its partition). */
  region: string;
  /** Where STS is asked (AssumeRole, GetCallerIdentity); default the partition's STS. */
  stsEndpoint?: string;
  /** A profile's credentials (tests inject them); default fromIni. */
  profileCredentials?: (profile: string) => AwsCredentialIdentityProvider;
  log: (line: string) => void;
}

/** One account besides the base: where its id comes from and how its credentials are had. */
interface OtherAccount {
  source: 'role' | 'profile';
  label: string;
  roleArn?: string;
  profile?: string;
  credentials: CredentialSource;
  /** Its id (a role's from its ARN; a profile's from STS GetCallerIdentity), undefined when not known. */
  identity(): Promise<CallerIdentity | undefined>;
}

export interface AccountRegistry {
  /** Every account, the base first, deduplicated by id; each failing one with `error`. Never a credential. */
  list(): Promise<AccountInfo[]>;
  /** The ids `/aws/<account>/<region>` accepts: the base's (when known) and the others', without asking for credentials. */
  ids(): Promise<{ base?: string; others: string[] }>;
  /** The credentials of an account (undefined: the base); a DashboardApiError when it is not one of these. */
  credentialsFor(account: string | undefined): Promise<CredentialSource>;
}

function roleAccount(roleArn: string, options: AccountsOptions, baseArn: () => string | undefined): OtherAccount {
  // args.ts admitted only role ARNs.
  const parts = roleParts(roleArn);
  if (!parts) throw new Error(`not a role ARN: ${roleArn}`);
  const { partition, account, name } = parts;
  const credentials = refreshingCredentials(
    () =>
      fromTemporaryCredentials({
        params: { RoleArn: roleArn, RoleSessionName: ROLE_SESSION_NAME, ...(options.externalId ? { ExternalId: options.externalId } : {}) },
        masterCredentials: () => options.base.get(),
        clientConfig: {
          region: stsRegionFor(partition, options.region),
          ...(options.stsEndpoint ? { endpoint: options.stsEndpoint } : {}),
          maxAttempts: 2,
        },
      }),
    { advice: (error) => assumeRoleAdvice(roleArn, error, baseArn(), options.externalId !== undefined) },
  );
  // The assumed role's ARN is fixed by the role and the session name: no lookup needed.
  const arn = `arn:${partition}:sts::${account}:assumed-role/${name}/${ROLE_SESSION_NAME}`;
  return { source: 'role', label: name, roleArn, credentials, identity: async () => ({ accountId: account, arn }) };
}

function profileAccount(profile: string, options: AccountsOptions): OtherAccount {
  const injected = options.profileCredentials;
  const credentials = refreshingCredentials(() => injected?.(profile) ?? fromIni({ profile, ignoreCache: true }), {
    profile,
    missingHint: () =>
      !injected && !profileIsDefined(profile)
        ? `Profile ${profile} is not defined in the shared config or credentials file: check the name.`
        : undefined,
  });
  const lookup = callerIdentityLookup(credentials, { region: options.region, endpoint: options.stsEndpoint, log: options.log });
  return { source: 'profile', label: profile, profile, credentials, identity: lookup };
}

/** Why an account's credentials cannot be had right now (undefined: they can). */
async function failureOf(credentials: CredentialSource): Promise<string | undefined> {
  try {
    await credentials.get();
    return undefined;
  } catch (error) {
    return error instanceof DashboardApiError ? error.message : messageOf(error);
  }
}

export function createAccountRegistry(options: AccountsOptions): AccountRegistry {
  let lastBaseArn: string | undefined;
  const baseIdentity = async (): Promise<CallerIdentity | undefined> => {
    const found = await options.baseIdentity?.();
    if (found) lastBaseArn = found.arn;
    return found;
  };
  const others: OtherAccount[] = [
    ...options.roles.map((arn) => roleAccount(arn, options, () => lastBaseArn)),
    ...options.profiles.map((profile) => profileAccount(profile, options)),
  ];

  /** The others with a known id, first come first kept, none in the base's account. */
  const byId = async (baseId: string | undefined): Promise<Map<string, OtherAccount>> => {
    const ids = await Promise.all(others.map(async (account) => (await account.identity())?.accountId));
    const found = new Map<string, OtherAccount>();
    others.forEach((account, i) => {
      const id = ids[i];
      if (id && id !== baseId && !found.has(id)) found.set(id, account);
    });
    return found;
  };

  const ids = async (): Promise<{ base?: string; others: string[] }> => {
    const base = (await baseIdentity())?.accountId;
    return { ...(base ? { base } : {}), others: [...(await byId(base)).keys()] };
  };

  const list = async (): Promise<AccountInfo[]> => {
    const [identity, baseError] = await Promise.all([baseIdentity(), failureOf(options.base)]);
    const base: AccountInfo = { id: identity?.accountId ?? '', label: options.baseProfile ?? 'base', source: 'base' };
    if (options.baseProfile) base.profile = options.baseProfile;
    if (identity) base.arn = identity.arn;
    if (baseError) base.error = baseError;
    const seen = new Set(base.id ? [base.id] : []);
    const entries = await Promise.all(
      others.map(async (account): Promise<AccountInfo> => {
        const error = await failureOf(account.credentials);
        const found = account.source === 'role' || !error ? await account.identity() : undefined;
        const info: AccountInfo = { id: found?.accountId ?? '', label: account.label, source: account.source };
        if (account.roleArn) info.roleArn = account.roleArn;
        if (account.profile) info.profile = account.profile;
        if (error) info.error = error;
        else if (found) info.arn = found.arn;
        else
          info.error = `Could not tell which account profile ${account.label} belongs to: STS GetCallerIdentity failed (see the server's log).`;
        return info;
      }),
    );
    const shown = [base];
    for (const entry of entries) {
      if (entry.id !== '' && seen.has(entry.id)) continue;
      if (entry.id !== '') seen.add(entry.id);
      shown.push(entry);
    }
    return shown;
  };

  const credentialsFor = async (account: string | undefined): Promise<CredentialSource> => {
    if (account === undefined) return options.base;
    const known = await ids();
    if (account === known.base) return options.base;
    const other = (await byId(known.base)).get(account);
    if (!other) throw unknownAccount(account, [...(known.base ? [known.base] : []), ...known.others]);
    return other.credentials;
  };

  return { list, ids, credentialsFor };
}
