/**
 * Who signed a request: the access keys of `--credentials` (each of an account) and the temporary credentials
 * AssumeRole issued (kept in memory only: a restart forgets them). Isomorphic: Web Crypto's getRandomValues
 * only; expiry runs on the emulator's clock, so advance-clock expires sessions as it ages everything else.
 */
import { EmulatorError } from '../errors';
import { callerIdentity, DEFAULT_PRINCIPAL_NAME, uniqueIdFor, type CallerIdentity } from './identity';
import { randomChars } from '../ids';

/** A long-term key of `--credentials AKID:SECRET[:ACCOUNT]`. */
export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  /** Default: the emulator's account. */
  account?: string;
}

/** What AssumeRole hands out (the `Credentials` of its answer). */
export interface TemporaryCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  /** Epoch milliseconds on the emulator's clock. */
  expiresAt: number;
}

export interface AssumedRole {
  credentials: TemporaryCredentials;
  /** `AROA…:<session>` and `arn:<partition>:sts::<account>:assumed-role/<role>/<session>`. */
  user: { AssumedRoleId: string; Arn: string };
  identity: CallerIdentity;
}

interface Session {
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
  identity: CallerIdentity;
}

/** The secret to check a signature with, and who the caller then is. */
export interface SigningKey {
  secretAccessKey: string;
  identity: CallerIdentity;
  /** An issued session (its signature is checked even when the emulator requires none). */
  temporary: boolean;
}

/** Sessions kept at most; past it, expired ones go first, then the oldest. */
export const MAX_SESSIONS = 10_000;

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** JSON 1.1's words for a session token that is not the one issued with the key (CloudHSM answers so). */
export const invalidToken = (): EmulatorError =>
  new EmulatorError('UnrecognizedClientException', 'The security token included in the request is invalid.');
export const expiredToken = (): EmulatorError =>
  new EmulatorError('ExpiredTokenException', 'The security token included in the request is expired');

export interface PrincipalsOptions {
  /** The emulator's account: unsigned callers and keys without one belong to it. */
  account: string;
  keys?: readonly AccessKey[];
  principalName?: string;
  /** Now, in epoch milliseconds, on the emulator's clock. */
  nowMillis: () => number;
  /** Default MAX_SESSIONS (tests use fewer). */
  maxSessions?: number;
}

export class Principals {
  private readonly keys = new Map<string, { secretAccessKey: string; identity: CallerIdentity }>();
  private readonly sessions = new Map<string, Session>();
  readonly defaultIdentity: CallerIdentity;

  constructor(private readonly options: PrincipalsOptions) {
    const name = options.principalName ?? DEFAULT_PRINCIPAL_NAME;
    this.defaultIdentity = callerIdentity(options.account, name);
    for (const key of options.keys ?? []) {
      this.keys.set(key.accessKeyId, {
        secretAccessKey: key.secretAccessKey,
        identity: callerIdentity(key.account ?? options.account, name),
      });
    }
  }

  /** True when `--credentials` named keys: every request must then be signed with one of them (or a session). */
  get signaturesRequired(): boolean {
    return this.keys.size > 0;
  }

  /**
   * The key a request says it was signed with. A session's key needs its own token, unexpired; a long-term
   * key takes any token (it stands for whatever credentials the caller has, profile or SSO ones included).
   * Null: a key the emulator does not know (refused when signatures are required, else not checked).
   * An `ASIA` key with a token that was not issued here is refused either way: it claims a session.
   */
  signingKey(accessKeyId: string, sessionToken: string | undefined): SigningKey | null {
    const session = this.sessions.get(accessKeyId);
    if (session) {
      if (sessionToken !== session.sessionToken) throw invalidToken();
      if (this.options.nowMillis() >= session.expiresAt) throw expiredToken();
      return { secretAccessKey: session.secretAccessKey, identity: session.identity, temporary: true };
    }
    const key = this.keys.get(accessKeyId);
    if (key) return { ...key, temporary: false };
    if (sessionToken !== undefined && accessKeyId.startsWith('ASIA')) throw invalidToken();
    return null;
  }

  /** Issues temporary credentials for `role` (validated by the caller) lasting `durationSeconds`. */
  assumeRole(role: { partition: string; account: string; name: string }, sessionName: string, durationSeconds: number): AssumedRole {
    const now = this.options.nowMillis();
    this.prune(now);
    const roleId = uniqueIdFor('AROA', role.account, `role/${role.name}`);
    const identity: CallerIdentity = {
      Account: role.account,
      Arn: `arn:${role.partition}:sts::${role.account}:assumed-role/${role.name}/${sessionName}`,
      UserId: `${roleId}:${sessionName}`,
    };
    let accessKeyId = `ASIA${randomChars(UPPER_ALNUM, 16)}`;
    while (this.sessions.has(accessKeyId) || this.keys.has(accessKeyId)) accessKeyId = `ASIA${randomChars(UPPER_ALNUM, 16)}`;
    // Whole seconds, as Expiration is written.
    const expiresAt = Math.floor(now / 1000) * 1000 + durationSeconds * 1000;
    const session: Session = {
      secretAccessKey: randomChars(BASE64, 40),
      sessionToken: `IQoJb3JpZ2luX2Vj${randomChars(BASE64, 300)}`,
      expiresAt,
      identity,
    };
    this.sessions.set(accessKeyId, session);
    return {
      credentials: { AccessKeyId: accessKeyId, SecretAccessKey: session.secretAccessKey, SessionToken: session.sessionToken, expiresAt },
      user: { AssumedRoleId: identity.UserId, Arn: identity.Arn },
      identity,
    };
  }

  /** How many sessions are kept (tests). */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /** At the cap only: expired sessions go, then the oldest (an expired one is kept until then, to answer "expired"). */
  private prune(now: number): void {
    const max = this.options.maxSessions ?? MAX_SESSIONS;
    if (this.sessions.size < max) return;
    for (const [id, session] of this.sessions) if (now >= session.expiresAt) this.sessions.delete(id);
    // Insertion order is issue order: the oldest go first.
    for (const id of this.sessions.keys()) {
      if (this.sessions.size < max) break;
      this.sessions.delete(id);
    }
  }
}
