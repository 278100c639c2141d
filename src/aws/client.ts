/**
 * One CloudHSMV2Client per region, talking to the local server at <origin>/aws/<region>. The browser
 * never holds AWS credentials: the server forwards to the emulator, or re-signs for real AWS. The SDK
 * insists on signing, so it gets placeholder credentials that carry no secret.
 */
import { CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';

const clients = new Map<string, CloudHSMV2Client>();

export function cloudHsmClient(region: string): CloudHSMV2Client {
  let client = clients.get(region);
  if (!client) {
    client = new CloudHSMV2Client({
      region,
      endpoint: `${window.location.origin}/aws/${region}`,
      credentials: { accessKeyId: 'local-dashboard', secretAccessKey: 'not-a-secret' },
      maxAttempts: 2,
    });
    clients.set(region, client);
  }
  return client;
}
