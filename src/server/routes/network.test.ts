/**
 * GET /api/network: the create-cluster form's subnet picker data. Emulator mode lists the emulator's network
 * (and looking creates nothing); AWS mode asks EC2 and turns a refusal into a reason to type subnet ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkInfo } from '../../cloudhsm/api';
import { describeEc2Network } from '../aws/ec2Network';
import { awsCall, jsonOf, rawRequest, startFakeUpstream, startTestServer, type FakeUpstream, type TestServer } from '../testing';

const networkOf = async (t: TestServer, region: string): Promise<NetworkInfo> =>
  jsonOf(await rawRequest(`${t.url}/api/network?region=${region}`)) as unknown as NetworkInfo;

describe('/api/network in emulator mode', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: 'demo' });
  });
  afterAll(() => t.server.close());

  it('lists the VPCs and subnets of a region, including those the demo clusters use', async () => {
    const network = await networkOf(t, 'us-east-1');
    if (!network.available) throw new Error(network.reason);
    expect(network.vpcs.length).toBeGreaterThanOrEqual(2);
    expect(network.vpcs.filter((v) => v.IsDefault)).toHaveLength(1);
    const vpcIds = new Set(network.vpcs.map((v) => v.VpcId));
    for (const subnet of network.subnets) {
      expect(vpcIds.has(subnet.VpcId)).toBe(true);
      expect(subnet.SubnetId).toMatch(/^subnet-[0-9a-f]{8,17}$/);
      expect(subnet.AvailabilityZone).toMatch(/^us-east-1[a-f]$/);
    }
    const clusters = jsonOf(await awsCall(t.url, 'us-east-1', 'DescribeClusters', {}))['Clusters'] as {
      SubnetMapping?: Record<string, string>;
      VpcId?: string;
    }[];
    const listed = new Map(network.subnets.map((s) => [s.SubnetId, s]));
    const used = clusters.flatMap((c) => Object.entries(c.SubnetMapping ?? {}).map(([az, id]) => ({ az, id, vpc: c.VpcId })));
    expect(used.length).toBeGreaterThan(0);
    for (const { az, id, vpc } of used) {
      expect(listed.get(id)?.AvailabilityZone).toBe(az);
      expect(listed.get(id)?.VpcId).toBe(vpc);
    }
  });

  it('shows a never-used region the network it will have, without creating the region', async () => {
    const before = jsonOf(await rawRequest(`${t.url}/api/session`))['regions'];
    const network = await networkOf(t, 'ap-northeast-1');
    if (!network.available) throw new Error(network.reason);
    expect(network.subnets.length).toBeGreaterThanOrEqual(3);
    expect(await networkOf(t, 'ap-northeast-1')).toEqual(network);
    expect(jsonOf(await rawRequest(`${t.url}/api/session`))['regions']).toEqual(before);
    // The listed subnets are the ones CreateCluster then finds there: same VPC, same AZs.
    const hsmVpc = network.vpcs.find((v) => !v.IsDefault)!;
    const subnets = network.subnets.filter((s) => s.VpcId === hsmVpc.VpcId).slice(0, 2);
    const created = jsonOf(
      await awsCall(t.url, 'ap-northeast-1', 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: subnets.map((s) => s.SubnetId) }),
    );
    const cluster = created['Cluster'] as { VpcId: string; SubnetMapping: Record<string, string> };
    expect(cluster.VpcId).toBe(hsmVpc.VpcId);
    expect(cluster.SubnetMapping).toEqual(Object.fromEntries(subnets.map((s) => [s.AvailabilityZone, s.SubnetId])));
  });

  it('refuses a region without CloudHSM, other methods, and other sites', async () => {
    const bad = await rawRequest(`${t.url}/api/network?region=mars-east-1`);
    expect(bad.status).toBe(400);
    expect(jsonOf(bad)['message']).toMatch(/not a region with CloudHSM V2/);
    expect((await rawRequest(`${t.url}/api/network`)).status).toBe(400);
    const post = await rawRequest(`${t.url}/api/network?region=us-east-1`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    const host = new URL(t.url).host;
    const foreign = await rawRequest(`${t.url}/api/network?region=us-east-1`, { headers: { Host: host, Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body).not.toContain('subnet-');
  });
});

describe('AWS mode: EC2 DescribeVpcs/DescribeSubnets', () => {
  let ec2: FakeUpstream;
  const credentials = { get: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }), invalidate: () => undefined };
  const logs: string[] = [];
  const options = () => ({ credentials, timeoutMs: 5000, log: (line: string) => logs.push(line), ec2Endpoint: ec2.url });
  beforeAll(async () => {
    ec2 = await startFakeUpstream();
  });
  afterAll(() => ec2.close());

  it('lists VPCs and subnets with their Name tags, signed for ec2 in the region', async () => {
    ec2.respond = (_req, res, body) => {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      if (body.includes('Action=DescribeVpcs')) {
        res.end(
          `<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r1</requestId><vpcSet><item><vpcId>vpc-0a1b2c3d4e5f60718</vpcId><cidrBlock>10.0.0.0/16</cidrBlock><isDefault>false</isDefault><tagSet><item><key>Name</key><value>hsm-vpc</value></item></tagSet></item></vpcSet></DescribeVpcsResponse>`,
        );
      } else {
        res.end(
          `<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r2</requestId><subnetSet><item><subnetId>subnet-0b1b2c3d4e5f60718</subnetId><vpcId>vpc-0a1b2c3d4e5f60718</vpcId><availabilityZone>eu-west-1b</availabilityZone><cidrBlock>10.0.2.0/24</cidrBlock></item><item><subnetId>subnet-0a1b2c3d4e5f60718</subnetId><vpcId>vpc-0a1b2c3d4e5f60718</vpcId><availabilityZone>eu-west-1a</availabilityZone><cidrBlock>10.0.1.0/24</cidrBlock><tagSet><item><key>Name</key><value>hsm-a</value></item></tagSet></item></subnetSet></DescribeSubnetsResponse>`,
        );
      }
    };
    const network = await describeEc2Network('eu-west-1', options());
    expect(network).toEqual({
      available: true,
      region: 'eu-west-1',
      vpcs: [{ VpcId: 'vpc-0a1b2c3d4e5f60718', CidrBlock: '10.0.0.0/16', IsDefault: false, Name: 'hsm-vpc' }],
      subnets: [
        {
          SubnetId: 'subnet-0a1b2c3d4e5f60718',
          VpcId: 'vpc-0a1b2c3d4e5f60718',
          AvailabilityZone: 'eu-west-1a',
          CidrBlock: '10.0.1.0/24',
          Name: 'hsm-a',
        },
        { SubnetId: 'subnet-0b1b2c3d4e5f60718', VpcId: 'vpc-0a1b2c3d4e5f60718', AvailabilityZone: 'eu-west-1b', CidrBlock: '10.0.2.0/24' },
      ],
    });
    const auth = String(ec2.requests.at(-1)?.headers['authorization']);
    expect(auth).toMatch(/Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/ec2\/aws4_request/);
  });

  it('turns a refusal (UnauthorizedOperation) into a reason to type subnet ids, and logs no secret', async () => {
    ec2.respond = (_req, res) => {
      res.writeHead(403, { 'Content-Type': 'text/xml' });
      res.end(
        `<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>r3</RequestID></Response>`,
      );
    };
    const network = await describeEc2Network('eu-west-1', options());
    expect(network.available).toBe(false);
    if (network.available) return;
    expect(network.reason).toMatch(/UnauthorizedOperation.*Type the subnet ids/);
    expect(logs.join('\n')).not.toContain('secret');
  });

  it('with --endpoint-url asks nothing and says why', async () => {
    const before = ec2.requests.length;
    const network = await describeEc2Network('eu-west-1', { ...options(), endpointUrl: 'http://127.0.0.1:4566' });
    expect(network).toMatchObject({ available: false, reason: expect.stringMatching(/--endpoint-url.*type the subnet ids/) });
    expect(ec2.requests.length).toBe(before);
  });
});
