/** The resource-policy commands SDK 3.332 lacks, through the real dashboard server and the client's own stack. */
import {
  CloudHsmInvalidRequestException,
  CloudHsmResourceNotFoundException,
  CloudHSMV2ServiceException,
  DescribeBackupsCommand,
} from '@aws-sdk/client-cloudhsm-v2';
import { describe, expect, it } from 'vitest';
import { createCloudHsmClients } from '../clients';
import { testBackendPerFile } from '../testing/backend';
import { withCannedServer } from '../testing/cannedServer';
import { RequestLog } from '../testing/requestLog';
import type { BackupWithExtras } from './extras';
import {
  DeleteResourcePolicyCommand,
  errorCodeOf,
  GetResourcePolicyCommand,
  PutResourcePolicyCommand,
  sendResourcePolicyCommand,
} from './resourcePolicyCommands';

const REGION = 'eu-west-1';
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::210987654321:root' },
      Action: ['cloudhsm:CreateCluster', 'cloudhsm:DescribeBackups'],
      Resource: '*',
    },
  ],
});

const backend = testBackendPerFile({ large: { clusters: 4, backups: 12, regions: [REGION] } });

async function setup() {
  const log = new RequestLog();
  const client = createCloudHsmClients({ baseUrl: backend.url, maxAttempts: 1, onClientCreated: (c, r) => log.attach(c, r) }).forRegion(
    REGION,
  );
  const backups = (await client.send(new DescribeBackupsCommand({ Filters: { states: ['READY'] } }))).Backups as BackupWithExtras[];
  const arn = backups.find((b) => !b.SourceRegion)!.BackupArn!;
  return { client, log, arn };
}

describe('Get/Put/DeleteResourcePolicy commands', () => {
  it('round-trip a policy: none, put, get, delete (returns the removed one), none again', async () => {
    const { client, log, arn } = await setup();
    // No policy is `{"Policy": "{}"}`, as the real service answers; the command passes it on (the query hook shows it as none).
    expect((await sendResourcePolicyCommand(client, new GetResourcePolicyCommand({ ResourceArn: arn }))).Policy).toBe('{}');
    const put = await sendResourcePolicyCommand(client, new PutResourcePolicyCommand({ ResourceArn: arn, Policy: POLICY }));
    expect(put).toMatchObject({ ResourceArn: arn, Policy: POLICY, $metadata: { httpStatusCode: 200, requestId: expect.any(String) } });
    expect((await sendResourcePolicyCommand(client, new GetResourcePolicyCommand({ ResourceArn: arn }))).Policy).toBe(POLICY);
    const deleted = await sendResourcePolicyCommand(client, new DeleteResourcePolicyCommand({ ResourceArn: arn }));
    expect(deleted).toMatchObject({ ResourceArn: arn, Policy: POLICY });
    expect((await sendResourcePolicyCommand(client, new GetResourcePolicyCommand({ ResourceArn: arn }))).Policy).toBe('{}');
    // They went through the client's middleware stack like generated commands, named as such.
    expect(log.calls.map((c) => c.operation)).toEqual([
      'DescribeBackups',
      'GetResourcePolicy',
      'PutResourcePolicy',
      'GetResourcePolicy',
      'DeleteResourcePolicy',
      'GetResourcePolicy',
    ]);
  });

  it('throw the SDK’s exception classes with message, status and request id', async () => {
    const { client, arn } = await setup();
    const missing = arn.replace(/backup-[a-z2-7]+$/, 'backup-aaaaaaaaaaa');
    const notFound = await sendResourcePolicyCommand(client, new GetResourcePolicyCommand({ ResourceArn: missing })).catch(
      (e: unknown) => e,
    );
    expect(notFound).toBeInstanceOf(CloudHsmResourceNotFoundException);
    expect(notFound).toMatchObject({
      message: expect.stringMatching(/backup-aaaaaaaaaaa/),
      $metadata: { httpStatusCode: 400, requestId: expect.any(String) },
    });
    const invalid = await sendResourcePolicyCommand(client, new PutResourcePolicyCommand({ ResourceArn: arn, Policy: 'not json' })).catch(
      (e: unknown) => e,
    );
    expect(invalid).toBeInstanceOf(CloudHsmInvalidRequestException);
    expect((invalid as Error).message).toMatch(/not valid JSON/);
  });

  it('fall back to the service base exception, named by the code, for codes the model does not know', async () => {
    // A server that throttles: ThrottlingException has no class in the CloudHSM model.
    const throttled = { status: 400, requestId: 'req-throttled', body: { __type: 'ThrottlingException', message: 'Rate exceeded' } };
    const error = await withCannedServer(throttled, (baseUrl) => {
      const client = createCloudHsmClients({ baseUrl, maxAttempts: 1 }).forRegion(REGION);
      return sendResourcePolicyCommand(client, new GetResourcePolicyCommand({ ResourceArn: 'arn:x' })).catch((e: unknown) => e);
    });
    expect(error).toBeInstanceOf(CloudHSMV2ServiceException);
    expect(error).not.toBeInstanceOf(CloudHsmInvalidRequestException);
    expect(error).toMatchObject({
      name: 'ThrottlingException',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400, requestId: 'req-throttled' },
    });
  });

  it('read the error code as AWS JSON 1.1 does (header first, then code, then __type; namespace and suffix stripped)', () => {
    expect(errorCodeOf({ 'X-Amzn-ErrorType': 'CloudHsmTagException:http://internal' }, { __type: 'Other' })).toBe('CloudHsmTagException');
    expect(errorCodeOf({}, { __type: 'com.amazonaws.cloudhsmv2#CloudHsmAccessDeniedException' })).toBe('CloudHsmAccessDeniedException');
    expect(errorCodeOf({}, { code: 'ThrottlingException', __type: 'X' })).toBe('ThrottlingException');
    expect(errorCodeOf({}, {})).toBeUndefined();
  });
});
