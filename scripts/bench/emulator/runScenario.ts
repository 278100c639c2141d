/** One scenario in the load generator: a probe, a warm-up, then the measured run between two phase messages. */
import { Agent } from 'node:http';
import { CloudHSMV2Client, DescribeBackupsCommand, DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { drive, summarize } from './drive';
import { deepTokens, headersFor, itemsOf, post, postCounting } from './loopbackHttp';
import { phase, type RawScenario, type Scenario, type ScenarioResult, type SdkScenario } from './protocol';

export function runScenario(url: string, scenario: Scenario): Promise<ScenarioResult> {
  return scenario.kind === 'raw' ? runRaw(url, scenario) : runSdk(url, scenario);
}

async function runRaw(url: string, scenario: RawScenario): Promise<ScenarioResult> {
  const port = Number(new URL(url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: scenario.concurrency, maxFreeSockets: scenario.concurrency });
  try {
    let bodies = scenario.bodies;
    let note: string | undefined;
    if (scenario.deepPages) {
      const { region, maxResults, fromPage } = scenario.deepPages;
      const tokens = await deepTokens(agent, port, scenario.operation, region, maxResults, fromPage);
      bodies = tokens.map((t) => JSON.stringify({ MaxResults: maxResults, NextToken: t }));
      note = `pages ${fromPage}-${fromPage + tokens.length - 1} of ${region}`;
    }
    const headerSets = scenario.regions.map((r) => headersFor(scenario.operation, r));
    // Request n is padded with n in binary, written with spaces and tabs: no body text ever repeats.
    const bodyOf = scenario.distinct
      ? (n: number): string => {
          const body = bodies[n % bodies.length]!;
          return `${body.slice(0, -1)}${n.toString(2).replace(/0/g, ' ').replace(/1/g, '\t')}}`;
        }
      : (n: number): string => bodies[n % bodies.length]!;
    // One checked request first: the answer must be a full page.
    const probe = await post(agent, port, headerSets[0]!, bodies[0]!);
    if (probe.status !== 200) throw new Error(`${scenario.name}: HTTP ${probe.status} ${probe.text.slice(0, 300)}`);
    const itemsPerPage = itemsOf(JSON.parse(probe.text) as Record<string, unknown>);
    // Warm-up (JIT, sockets), not measured.
    await drive(scenario.concurrency, Math.min(1, scenario.seconds / 5), (n) =>
      post(agent, port, headerSets[n % headerSets.length]!, bodyOf(n)).then((r) => ({ ok: r.status === 200, bytes: r.text.length })),
    );
    await phase('start');
    const run = await drive(scenario.concurrency, scenario.seconds, (n) =>
      postCounting(agent, port, headerSets[n % headerSets.length]!, bodyOf(n)).then((r) => ({
        ok: r.status === 200,
        bytes: r.bytes,
        error: r.status === 200 ? undefined : `HTTP ${r.status} ${r.head}`,
      })),
    );
    await phase('end');
    return summarize(scenario, run, itemsPerPage, note);
  } finally {
    agent.destroy();
  }
}

async function runSdk(url: string, scenario: SdkScenario): Promise<ScenarioResult> {
  const clients = scenario.regions.map(
    (region) =>
      new CloudHSMV2Client({
        region,
        endpoint: url,
        credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' },
        maxAttempts: 1,
      }),
  );
  try {
    const send = async (n: number): Promise<{ ok: boolean; bytes: number; items: number }> => {
      const client = clients[n % clients.length]!;
      if (scenario.operation === 'DescribeClusters') {
        const out = await client.send(new DescribeClustersCommand({ MaxResults: scenario.maxResults }));
        return { ok: true, bytes: 0, items: out.Clusters?.length ?? -1 };
      }
      const out = await client.send(new DescribeBackupsCommand({ MaxResults: scenario.maxResults }));
      return { ok: true, bytes: 0, items: out.Backups?.length ?? -1 };
    };
    const itemsPerPage = (await send(0)).items;
    await drive(scenario.concurrency, Math.min(1, scenario.seconds / 5), send);
    await phase('start');
    const run = await drive(scenario.concurrency, scenario.seconds, send);
    await phase('end');
    return summarize(scenario, run, itemsPerPage, 'signed, parsed by the SDK (bytes not counted)');
  } finally {
    for (const client of clients) client.destroy();
  }
}
