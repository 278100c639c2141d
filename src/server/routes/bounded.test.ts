/**
 * Bounded answers (issue 10): whatever a client sends, no answer of the emulator or of the dashboard's
 * /aws/<region> (emulator mode) is over 64 KB. Every one of the 18 operations gets large adversarial bodies
 * (testing/adversarial.ts); headers, paths and the admin routes get long values too. And the validation
 * message keeps AWS's form: at most ten failures, counted and listed, values clipped.
 */
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../cloudhsm/operations';
import { adversarialBodies } from '../../emulator/testing/adversarial';
import { JSON11, rawRequest, type RawResponse } from '../testing';
import { emulatorAndDashboard } from '../testing/emulatorAndDashboard';

const LIMIT = 64 * 1024;

const { emulator, dashboard, servers } = await emulatorAndDashboard();

function call(url: string, operation: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(url, {
    method: 'POST',
    headers: { 'Content-Type': JSON11, 'X-Amz-Target': `BaldrApiService.${operation}`, ...headers },
    body,
  });
}

/**
 * The whole answer, headers included, is at most 64 KB and not a 5xx; an AWS API answer is a typed AWS error
 * or a success (admin and /api routes have their own JSON error shape).
 */
function expectBounded(response: RawResponse, what: string, aws = true): void {
  const size = Buffer.byteLength(response.body) + Buffer.byteLength(JSON.stringify(response.headers));
  expect(size, `${what}: ${size} bytes, ${response.body.slice(0, 200)}`).toBeLessThanOrEqual(LIMIT);
  expect(response.status, what).toBeLessThan(500);
  if (aws && response.status >= 400) expect(typeof (JSON.parse(response.body) as { __type?: unknown }).__type, what).toBe('string');
}

describe('large adversarial bodies, every operation, both servers', () => {
  it.each(OPERATION_NAMES)('%s', async (operation) => {
    for (const { what, body } of adversarialBodies(operation)) {
      for (const server of servers) {
        expectBounded(await call(server.url, operation, body), `${server.name} ${operation}: ${what} (${body.length} bytes)`);
      }
    }
  });
});

describe('the validation message', () => {
  it('a 600 KB CreateCluster body that fails 150,000 times: "10 validation errors detected" and ten clauses, as AWS caps them', async () => {
    const body = JSON.stringify({ HsmType: 'hsm2m.medium', SubnetIds: Array.from({ length: 150_000 }, () => 'x') });
    expect(body.length).toBeGreaterThan(600_000);
    for (const server of servers) {
      const response = await call(server.url, 'CreateCluster', body);
      expect(response.status).toBe(400);
      expect(response.body.length).toBeLessThan(4096);
      const { __type, message } = JSON.parse(response.body) as { __type: string; message: string };
      expect(__type).toBe('CloudHsmInvalidRequestException');
      const clauses = message.replace(/^10 validation errors detected: /, '').split('; ');
      expect(message.startsWith('10 validation errors detected: '), message).toBe(true);
      expect(clauses).toHaveLength(10);
      expect(clauses[0]).toBe("Value at 'subnetIds' failed to satisfy constraint: Member must have length less than or equal to 10");
      expect(clauses[1]).toBe(
        "Value 'x' at 'subnetIds.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: subnet-[0-9a-fA-F]{8,17}",
      );
      expect(clauses[9]).toMatch(/^Value 'x' at 'subnetIds\.9\.member' /);
    }
  });

  it('fewer than ten failures are all listed and counted; quoted values and map keys are cut at 80 characters', async () => {
    const long = `cluster-${'z'.repeat(5000)}`;
    const two = await call(`${emulator.url}/`, 'DeleteHsm', JSON.stringify({ ClusterId: long, HsmId: 'nope' }));
    const message = (JSON.parse(two.body) as { message: string }).message;
    expect(message).toBe(
      `2 validation errors detected: Value '${long.slice(0, 80)}...' at 'clusterId' failed to satisfy constraint: Member must satisfy regular expression pattern: cluster-[2-7a-zA-Z]{11,16}; ` +
        "Value 'nope' at 'hsmId' failed to satisfy constraint: Member must satisfy regular expression pattern: hsm-[2-7a-zA-Z]{11,16}",
    );
    const key = `!${'k'.repeat(5000)}`;
    const keyed = await call(`${emulator.url}/`, 'DescribeClusters', JSON.stringify({ Filters: { [key]: [null] } }));
    const keyMessage = (JSON.parse(keyed.body) as { message: string }).message;
    expect(keyMessage).toContain(`at 'filters.key' failed`);
    expect(keyMessage).toContain(`Value null at 'filters.${key.slice(0, 80)}....1.member'`);
    expect(keyMessage.length).toBeLessThan(1000);
  });

  it('filter problems found by the operation quote at most three values, each cut', async () => {
    const states = Array.from({ length: 5000 }, (_, i) => `NOT_A_STATE_${i}_${'x'.repeat(100)}`);
    const response = await call(`${emulator.url}/`, 'DescribeBackups', JSON.stringify({ Filters: { states } }));
    const message = (JSON.parse(response.body) as { message: string }).message;
    expect(message).toMatch(
      /^Invalid value\(s\) for filter "states": NOT_A_STATE_0_x+\.\.\., NOT_A_STATE_1_x+\.\.\., NOT_A_STATE_2_x+\.\.\. \(and 4997 more\)\. Valid values: /,
    );
  });
});

describe('long headers, paths and admin bodies', () => {
  const long = 'A'.repeat(12_000);

  it('an unknown operation, a long path, a long region: short answers from both servers', async () => {
    for (const server of servers) {
      expectBounded(await call(server.url, long, '{}'), `${server.name} long X-Amz-Target`);
      expectBounded(
        await call(server.url, 'DescribeClusters', '{}', { 'X-Amz-Target': `Nope.${long}` }),
        `${server.name} long foreign target`,
      );
    }
    const scope = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/${'x'.repeat(12_000)}/cloudhsm/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;
    expectBounded(await call(`${emulator.url}/`, 'DescribeClusters', '{}', { Authorization: scope }), 'emulator long region in the scope');
    expectBounded(await rawRequest(`${emulator.url}/${long}`, { method: 'POST', body: '{}' }), 'emulator long path');
    expectBounded(await call(`${dashboard.url}/aws/${long}`, 'DescribeClusters', '{}'), 'dashboard long region');
    expectBounded(await rawRequest(`${dashboard.url}/aws/us-east-1/${long}`, { method: 'POST', body: '{}' }), 'dashboard long /aws path');
    expectBounded(await rawRequest(`${dashboard.url}/api/${long}`), 'dashboard long /api path', false);
    expectBounded(await rawRequest(`${dashboard.url}/api/network?region=${long}`), 'dashboard long network region', false);
  });

  it("admin routes and the dashboard's activation route quote nothing long", async () => {
    const huge = 'z'.repeat(900 * 1024);
    const post = (path: string, body: unknown) =>
      rawRequest(`${emulator.url}/_emulator/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const route of ['activate-cluster', 'degrade-hsm', 'recover-hsm']) {
      expectBounded(await post(route, { region: 'us-east-1', clusterId: huge, hsmId: huge }), `admin ${route} long id`, false);
      expectBounded(
        await post(route, { region: huge, clusterId: 'cluster-aaaaaaaaaaa', hsmId: 'hsm-aaaaaaaaaaa' }),
        `admin ${route} long region`,
        false,
      );
    }
    expectBounded(await post('advance-clock', { seconds: huge }), 'admin advance-clock', false);
    expectBounded(await rawRequest(`${emulator.url}/_emulator/${long}`), 'admin long route', false);
    expectBounded(await rawRequest(`${emulator.url}/_emulator/network?region=${long}`), 'admin long network region', false);
    const activate = await rawRequest(`${dashboard.url}/api/emulator/activate-cluster`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ region: 'us-east-1', clusterId: huge }),
    });
    expectBounded(activate, 'dashboard activate-cluster long id');
  });
});
