/**
 * AWS credentials for the proxy, kept fresh. fromNodeProviderChain memoizes what it found; this wrapper
 * asks again when the cached credentials come within five minutes of `expiration`, and builds a new chain
 * when a memoized chain keeps handing back stale credentials or failed (so `aws sso login` in another
 * terminal fixes a running dashboard without a restart).
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { DashboardApiError } from '../apiErrors';
import { redact } from '../security/redact';

export const REFRESH_BEFORE_MS = 5 * 60 * 1000;
/** A provider that blocks (a credential_process waiting for MFA, a hung SSO) must not hold requests forever. */
export const CREDENTIAL_LOOKUP_TIMEOUT_MS = 15_000;

export interface CredentialSource {
  /** Current credentials; throws DashboardApiError with advice a person can act on. */
  get(): Promise<AwsCredentialIdentity>;
  /** Forget the cached credentials (the service said they are expired or unknown). */
  invalidate(): void;
}

export interface CredentialSourceOptions {
  /** For the advice in error messages. */
  profile?: string;
  /** Appended to the advice when no credentials are found (e.g. the profile is not defined anywhere). */
  missingHint?: () => string | undefined;
  refreshBeforeMs?: number;
  now?: () => number;
  /** Give up looking credentials up after this long (default CREDENTIAL_LOOKUP_TIMEOUT_MS). */
  lookupTimeoutMs?: number;
  /** What a failed lookup answers (an assumed role's failure needs other advice than a missing profile); default credentialAdvice. */
  advice?: (error: unknown) => DashboardApiError;
}

export function credentialAdvice(error: unknown, profile: string | undefined, missingHint?: string): DashboardApiError {
  const detail = redact((error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300));
  const forProfile = profile
    ? `for profile ${profile}`
    : '(environment, shared config and credentials files, SSO, container and instance roles were tried)';
  const flag = profile ? ` --profile ${profile}` : '';
  if (/expired|refresh/i.test(detail)) {
    return new DashboardApiError(
      'ExpiredTokenException',
      403,
      `The AWS credentials ${forProfile} have expired: run \`aws sso login${flag}\` (or renew them the way you got them), then retry. (${detail})`,
    );
  }
  return new DashboardApiError(
    'MissingAuthenticationTokenException',
    403,
    `No AWS credentials found ${forProfile}: run \`aws sso login${flag}\` (SSO) or \`aws configure${flag}\`, then retry.${missingHint ? ` ${missingHint}` : ''} (${detail})`,
  );
}

export function refreshingCredentials(
  makeProvider: () => AwsCredentialIdentityProvider,
  options: CredentialSourceOptions = {},
): CredentialSource {
  const now = options.now ?? Date.now;
  const refreshBeforeMs = options.refreshBeforeMs ?? REFRESH_BEFORE_MS;
  let provider = makeProvider();
  let cached: AwsCredentialIdentity | null = null;
  let inflight: Promise<AwsCredentialIdentity> | null = null;

  const lasts = (c: AwsCredentialIdentity): boolean => !c.expiration || c.expiration.getTime() - now() > refreshBeforeMs;
  const expired = (c: AwsCredentialIdentity): boolean => c.expiration !== undefined && c.expiration.getTime() <= now();

  const lookupTimeoutMs = options.lookupTimeoutMs ?? CREDENTIAL_LOOKUP_TIMEOUT_MS;
  const withDeadline = (lookup: Promise<AwsCredentialIdentity>): Promise<AwsCredentialIdentity> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `looking the credentials up took longer than ${lookupTimeoutMs / 1000} s (a credential_process or SSO waiting for input?)`,
            ),
          ),
        lookupTimeoutMs,
      );
    });
    return Promise.race([lookup, deadline]).finally(() => clearTimeout(timer));
  };

  const resolve = async (): Promise<AwsCredentialIdentity> => {
    try {
      let found = await withDeadline(provider());
      if (!lasts(found)) {
        // The memoized chain may return what it cached; a new chain reads files, SSO cache and roles again.
        provider = makeProvider();
        found = await withDeadline(provider());
      }
      if (expired(found)) throw new Error(`the credentials found expired at ${found.expiration?.toISOString() ?? '?'}`);
      cached = found;
      return found;
    } catch (error) {
      cached = null;
      provider = makeProvider();
      throw options.advice ? options.advice(error) : credentialAdvice(error, options.profile, options.missingHint?.());
    }
  };

  return {
    get: () => {
      if (cached && lasts(cached)) return Promise.resolve(cached);
      // Concurrent calls (the SPA fans out across regions) share one resolution.
      inflight ??= resolve().finally(() => {
        inflight = null;
      });
      return inflight;
    },
    invalidate: () => {
      // The chain memoizes (forever for credentials without an expiry): only a new chain reads the files again.
      cached = null;
      provider = makeProvider();
    },
  };
}
