/**
 * Request bodies of the emulator's AWS JSON 1.1 protocol, over real HTTP: parsing, empty and odd bodies, the
 * body limit (413 that every client reads).
 */
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../node/http';
import { errorBody, expectAwsError, JSON_11, send, target, UUID } from '../../testing/wire';
import { emulatorForThisFile } from '../../testing/perFile';

const { url } = await emulatorForThisFile();

/** Rows of one kind of unreadable body: [kind, what, body]. */
const kindOf = (kind: string, rows: [what: string, body: string][]) => rows.map(([what, body]) => [kind, what, body] as const);

describe('request bodies', () => {
  it.each([
    ...kindOf('malformed JSON', [
      ['a truncated object', '{"ClusterId":'],
      ['a lone brace', '{'],
      ['single quotes', "{'ClusterId':'cluster-abcdefghijk'}"],
      ['a trailing comma', '{"MaxResults":5,}'],
      ['bare words', 'DescribeClusters please'],
      ['NaN', '{"MaxResults":NaN}'],
    ]),
    ...kindOf('a body that is not an object', [
      ['an array', '[]'],
      ['an array of the right members', '[{"MaxResults":5}]'],
      ['a string', '"DescribeClusters"'],
      ['a number', '42'],
      ['true', 'true'],
    ]),
  ])('%s (%s) → SerializationException', async (_kind, _what, body) => {
    const response = await send(url, { headers: target('DescribeClusters'), body });
    expectAwsError(response, 400, 'SerializationException');
  });

  it('bytes that are not UTF-8 → SerializationException', async () => {
    const response = await send(url, { headers: target('DescribeClusters'), body: new Uint8Array([0xff, 0xfe, 0x7b, 0x7d, 0x80]) });
    expectAwsError(response, 400, 'SerializationException');
  });

  it.each([
    ['a string for MaxResults', 'DescribeClusters', '{"MaxResults":"10"}', 'maxResults'],
    ['a fraction for MaxResults', 'DescribeClusters', '{"MaxResults":2.5}', 'maxResults'],
    ['a boolean for MaxResults', 'DescribeBackups', '{"MaxResults":true}', 'maxResults'],
    ['an object for ClusterId', 'DeleteCluster', '{"ClusterId":{"id":"cluster-abcdefghijk"}}', 'clusterId'],
    ['a number for ClusterId', 'DeleteCluster', '{"ClusterId":12345678901}', 'clusterId'],
    ['a string for SubnetIds', 'CreateCluster', '{"HsmType":"hsm2m.medium","SubnetIds":"subnet-0123456789abcdef0"}', 'subnetIds'],
    ['a list for Filters', 'DescribeClusters', '{"Filters":[["states","ACTIVE"]]}', 'filters'],
    ['a string for a filter value', 'DescribeClusters', '{"Filters":{"states":"ACTIVE"}}', 'filters'],
    ['a string for NeverExpires', 'ModifyBackupAttributes', '{"BackupId":"backup-abcdefghijk","NeverExpires":"true"}', 'neverExpires'],
    [
      'a number for a retention value',
      'ModifyCluster',
      '{"ClusterId":"cluster-abcdefghijk","BackupRetentionPolicy":{"Type":"DAYS","Value":90}}',
      'backupRetentionPolicy.value',
    ],
    ['a string for a Tag', 'TagResource', '{"ResourceId":"cluster-abcdefghijk","TagList":["Name=x"]}', 'tagList'],
  ])('a wrong JSON type (%s) → SerializationException naming the member', async (_what, operation, body, member) => {
    const response = await send(url, { headers: target(operation), body });
    const error = expectAwsError(response, 400, 'SerializationException');
    expect(error.message).toContain(member);
  });

  it('a JSON null body is taken as {} (never a 500)', async () => {
    for (const operation of ['DescribeBackups', 'DescribeClusters']) {
      const response = await send(url, { headers: target(operation), body: 'null' });
      expect(response.status, `${operation}: ${response.text}`).toBe(200);
    }
    for (const operation of ['GetResourcePolicy', 'DeleteResourcePolicy', 'PutResourcePolicy']) {
      // These have no required members in the model; the operation itself asks for the ARN.
      const response = await send(url, { headers: target(operation), body: 'null' });
      expect(expectAwsError(response, 400, 'CloudHsmInvalidRequestException').message).toMatch(/ResourceArn/);
    }
    const required = await send(url, { headers: target('DeleteCluster'), body: 'null' });
    expect(expectAwsError(required, 400, 'CloudHsmInvalidRequestException').message).toContain("'clusterId'");
  });

  it('unknown members are ignored, as AWS JSON services do', async () => {
    const response = await send(url, {
      headers: target('DescribeClusters'),
      body: '{"Unknown":[1,{"x":null}],"maxResults":"camel case is another member"}',
    });
    expect(response.status).toBe(200);
  });
});

describe('request bodies: nesting and size', () => {
  it('deeply nested junk in an unknown member is no problem', async () => {
    const depth = 50_000;
    const body = `{"Junk":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const response = await send(url, { headers: target('DescribeClusters'), body });
    expect(response.status).toBe(200);
  });

  it(`a body of exactly ${MAX_BODY_BYTES} bytes is read; one byte more is 413 with a request id`, async () => {
    const exact = `{}${' '.repeat(MAX_BODY_BYTES - 2)}`;
    expect(Buffer.byteLength(exact)).toBe(MAX_BODY_BYTES);
    const ok = await send(url, { headers: target('DescribeClusters'), body: exact });
    expect(ok.status).toBe(200);

    const tooLarge = `{}${' '.repeat(MAX_BODY_BYTES - 1)}`;
    const refused = await send(url, { headers: target('DescribeClusters'), body: tooLarge });
    expect(refused.status).toBe(413);
    expect(refused.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(refused.headers.get('content-type')).toBe(JSON_11);
    expect(errorBody(refused).__type).toBe('SerializationException');

    // Much larger (4 MiB): still refused, and the server still answers afterwards.
    const huge = await send(url, { headers: target('DescribeClusters'), body: `{"x":"${'y'.repeat(4 * MAX_BODY_BYTES)}"}` });
    expect(huge.status).toBe(413);
    expect((await send(url, { headers: target('DescribeClusters'), body: '{}' })).status).toBe(200);
  });
});
