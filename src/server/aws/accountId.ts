/** The account behind the credentials (STS GetCallerIdentity), shown in the dashboard's header when known. */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { partitionOf } from '../../cloudhsm/regions';
import type { CredentialSource } from './credentials';
import { redact } from '../security/redact';

const LOOKUP_TIMEOUT_MS = 5000;

export async function lookUpAccountId(
  region: string,
  credentials: CredentialSource,
  log: (line: string) => void,
): Promise<string | undefined> {
  // STS in the partition of the regions shown (GovCloud credentials do not work in the commercial one).
  const sts = new STSClient({
    region: partitionOf(region) === 'aws-us-gov' ? region : 'us-east-1',
    credentials: () => credentials.get(),
    maxAttempts: 1,
  });
  try {
    const answer = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });
    return answer.Account;
  } catch (error) {
    log(`could not look up the account id (STS GetCallerIdentity): ${redact(error instanceof Error ? error.message : String(error))}`);
    return undefined;
  } finally {
    sts.destroy();
  }
}
