import type { AwsCredentialIdentity } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { DashboardApiError } from '../apiErrors';
import { refreshingCredentials } from './credentials';
import { redact } from '../security/redact';

describe('refreshingCredentials', () => {
  it('reuses credentials until five minutes before they expire, then asks again', async () => {
    let now = 1_000_000;
    let calls = 0;
    const source = refreshingCredentials(
      () => async (): Promise<AwsCredentialIdentity> => {
        calls += 1;
        return { accessKeyId: `AKID${calls}`, secretAccessKey: 's', expiration: new Date(now + 3_600_000) };
      },
      { now: () => now },
    );
    expect((await source.get()).accessKeyId).toBe('AKID1');
    now += 54 * 60_000;
    expect((await source.get()).accessKeyId).toBe('AKID1');
    now += 2 * 60_000; // 4 minutes left
    expect((await source.get()).accessKeyId).toBe('AKID2');
    expect(calls).toBe(2);
  });

  it('builds a new provider chain when the memoized one hands back stale credentials', async () => {
    const now = 1_000_000;
    let chains = 0;
    const source = refreshingCredentials(
      () => {
        chains += 1;
        const chain = chains;
        // The first chain memoized credentials that are about to expire.
        return async () => ({
          accessKeyId: `CHAIN${chain}`,
          secretAccessKey: 's',
          expiration: new Date(now + (chain === 1 ? 60_000 : 3_600_000)),
        });
      },
      { now: () => now },
    );
    expect((await source.get()).accessKeyId).toBe('CHAIN2');
  });

  it('shares one lookup between concurrent calls', async () => {
    let calls = 0;
    const source = refreshingCredentials(() => async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { accessKeyId: 'A', secretAccessKey: 's' };
    });
    await Promise.all([source.get(), source.get(), source.get()]);
    expect(calls).toBe(1);
  });

  it('recovers after a failure (aws sso login in another terminal) and after invalidate()', async () => {
    let loggedIn = false;
    let calls = 0;
    const source = refreshingCredentials(
      () => async () => {
        calls += 1;
        if (!loggedIn)
          throw Object.assign(new Error('The SSO session associated with this profile has expired or is otherwise invalid.'), {
            name: 'CredentialsProviderError',
          });
        return { accessKeyId: 'A', secretAccessKey: 's' };
      },
      { profile: 'prod' },
    );
    const failure = await source.get().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DashboardApiError);
    expect((failure as DashboardApiError).type).toBe('ExpiredTokenException');
    expect((failure as DashboardApiError).message).toMatch(
      /^The AWS credentials for profile prod have expired: run `aws sso login --profile prod`/,
    );
    loggedIn = true;
    expect((await source.get()).accessKeyId).toBe('A');
    source.invalidate();
    await source.get();
    expect(calls).toBe(3);
  });

  it('invalidate() builds a new chain: a memoized chain would hand back the same rejected credentials forever', async () => {
    let secret = 'wrong';
    const source = refreshingCredentials(() => {
      // Like fromNodeProviderChain: reads the credentials once, then memoizes them (no expiry: forever).
      const read = secret;
      return async () => ({ accessKeyId: 'A', secretAccessKey: read });
    });
    expect((await source.get()).secretAccessKey).toBe('wrong');
    secret = 'fixed'; // the user edits ~/.aws/credentials
    expect((await source.get()).secretAccessKey).toBe('wrong');
    source.invalidate(); // AWS refused the signature
    expect((await source.get()).secretAccessKey).toBe('fixed');
  });

  it('gives up on a provider that never answers (a credential_process waiting for MFA) with advice', async () => {
    const source = refreshingCredentials(() => () => new Promise<AwsCredentialIdentity>(() => {}), {
      profile: 'slow',
      lookupTimeoutMs: 200,
    });
    const started = Date.now();
    const failure = await source.get().catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(failure).toBeInstanceOf(DashboardApiError);
    expect((failure as DashboardApiError).message).toMatch(/profile slow.*longer than 0.2 s/);
  });
});

describe('redact', () => {
  it('blanks access keys, secrets, tokens and signatures, and leaves ordinary text', () => {
    const text =
      'key AKIAIOSFODNN7EXAMPLE secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY Signature=' +
      'a'.repeat(64) +
      ' at https://cloudhsmv2.eu-west-1.amazonaws.com';
    const out = redact(text);
    expect(out).not.toMatch(/AKIAIOSFODNN7EXAMPLE|wJalrXUtnFEMI|aaaaaaaa/);
    expect(out).toContain('https://cloudhsmv2.eu-west-1.amazonaws.com');
  });
});
