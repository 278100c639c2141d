/**
 * Who the credentials belong to (STS GetCallerIdentity): the account id and the caller's ARN, shown in the
 * dashboard's header. Asked once per set of credentials (callerIdentityLookup), at real STS, or with
 * --endpoint-url at that endpoint (the emulator answers it), or at --sts-endpoint-url.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { partitionOf } from '../../cloudhsm/regions';
import type { CredentialSource } from './credentials';
import { redact } from '../security/redact';

const LOOKUP_TIMEOUT_MS = 5000;

export interface CallerIdentity {
  accountId: string;
  arn: string;
}

export interface CallerIdentityOptions {
  /** The first region shown: its partition picks the STS endpoint (GovCloud credentials fail in the commercial one). */
  region: string;
  /** Ask here instead of the partition's STS endpoint. */
  endpoint?: string;
  log: (line: string) => void;
}

async function lookUpCallerIdentity(
  credentials: AwsCredentialIdentity,
  options: CallerIdentityOptions,
): Promise<CallerIdentity | undefined> {
  const sts = new STSClient({
    region: partitionOf(options.region) === 'aws-us-gov' ? options.region : 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    credentials,
    maxAttempts: 1,
  });
  try {
    const answer = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });
    if (!answer.Account || !answer.Arn) throw new Error('the answer named no Account or Arn');
    return { accountId: answer.Account, arn: answer.Arn };
  } catch (error) {
    const where = options.endpoint ? ` at ${options.endpoint}` : '';
    options.log(
      `could not look up the caller identity (STS GetCallerIdentity${where}): ${redact(error instanceof Error ? error.message : String(error))}`,
    );
    return undefined;
  } finally {
    sts.destroy();
  }
}

/**
 * The identity behind the current credentials. Looked up again only when the credential source hands out
 * new credentials (a refresh, or after AWS refused the old ones), or after a failed lookup; concurrent
 * callers share one lookup.
 */
export function callerIdentityLookup(
  credentials: CredentialSource,
  options: CallerIdentityOptions,
): () => Promise<CallerIdentity | undefined> {
  let last: { for: AwsCredentialIdentity; answer: Promise<CallerIdentity | undefined> } | null = null;
  return async () => {
    let current: AwsCredentialIdentity;
    try {
      current = await credentials.get();
    } catch (error) {
      // No credentials: the calls will say so with advice; the session still answers without an identity.
      options.log(`could not look up the caller identity: ${redact(error instanceof Error ? error.message : String(error))}`);
      return undefined;
    }
    if (last?.for !== current) {
      const entry = { for: current, answer: lookUpCallerIdentity(current, options) };
      last = entry;
      void entry.answer.then((found) => {
        if (found === undefined && last === entry) last = null; // ask again next time
      });
    }
    return last.answer;
  };
}
