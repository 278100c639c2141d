/**
 * `npm run bench:browser`: the large seed (1,000 clusters, 20,000 backups over 4 regions) in headless Chromium
 * (Debian's when /usr/bin/chromium exists, or CHROMIUM_PATH), at 1440×900. For the cluster list and the
 * backups view (default 30-day window), with no added delay and with 80 ms added to every CloudHSM call (as
 * from a laptop to a real region), it prints:
 *   - time from navigation until the view shows data (best and median of 3),
 *   - DescribeBackups / DescribeClusters calls made until the page is quiet,
 *   - DOM elements and page height (in screens of 900 px) once quiet,
 *   - main-thread blocking while scrolling the page and each scrolling box in it, up to 40 steps of 400 px
 *     each (sum of long tasks beyond 50 ms).
 * Figures, not assertions: the machine is shared and timings are noisy.
 *
 * The recovery view (issue 14) is measured the same way; its target is first rows within 2× the cluster list.
 *
 * `--only cluster|backups|backups7d|recovery` (several: comma-separated), `--latency MS` (default: 0 and 80), `--rounds N` (default 3).
 * The delay is the server's own `--latency MS` (the embedded emulator waits that long before each answer), so
 * it is paid where a real round trip would be. It builds the SPA into .cache/bench-dist first (dist/ is left
 * alone). The server runs as a child process, one per latency. Last, the figures against issue 12's targets.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { startDashboardProcess } from './serverProcess';

const ROOT = new URL('..', import.meta.url).pathname;
const REGIONS = 'us-east-1,us-west-2,eu-west-1,ap-southeast-1';
const VIEWPORT = { width: 1440, height: 900 };

interface View {
  name: string;
  path: string;
  /** Selector of one piece of data. */
  data: string;
}

const VIEWS: Record<string, View> = {
  cluster: { name: 'cluster list', path: `/clusters?regions=${REGIONS}`, data: '[data-testid=cluster-row]' },
  backups: {
    name: 'backups view',
    path: `/backups?regions=${REGIONS}`,
    data: '[data-testid=timeline-mark], [data-testid=timeline-region-summary], [data-testid=backup-row]',
  },
  // The same view zoomed to a week: what a window of ~1,600 backups costs (the 30-day one holds ~8,000 here).
  backups7d: {
    name: 'backups view (7 days)',
    path: `/backups?regions=${REGIONS}&zoom=7d`,
    data: '[data-testid=timeline-mark], [data-testid=timeline-region-summary], [data-testid=backup-row]',
  },
  // Issue 14: the recovery posture of every cluster; its first rows within 2× the cluster list's time.
  recovery: { name: 'recovery view', path: `/recovery?regions=${REGIONS}`, data: '[data-testid=recovery-row]' },
};

interface Round {
  firstData: number;
  calls: Record<string, number>;
  elements: number;
  screens: number;
  blockingMs: number;
}

/** Long tasks (over 50 ms) add up their time beyond 50 ms: the main thread was blocked that long. */
const OBSERVE_LONG_TASKS = `
  window.__blocking = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__blocking += Math.max(0, e.duration - 50); })
    .observe({ type: 'longtask', buffered: false });
`;

/** As text: tsx would wrap named functions in a helper the page does not have. */
const SCROLL_EVERYTHING = `(async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => done(undefined)));
  const scrollable = (el) => {
    const overflow = getComputedStyle(el).overflowY;
    return el.scrollHeight > el.clientHeight + 20 && overflow !== 'visible' && overflow !== 'hidden';
  };
  const scrollers = [document.scrollingElement, ...Array.from(document.querySelectorAll('*')).filter(scrollable)];
  // Every scroller the same distance at most (40 steps of 400 px, about 18 screens), so a long virtualised list
  // and a short page are measured over comparable scrolling.
  for (const el of scrollers) {
    for (let y = 0, step = 0; y < el.scrollHeight && step < 40; y += 400, step++) {
      el.scrollTop = y;
      await frame();
    }
  }
  await new Promise((done) => setTimeout(done, 300));
})()`;

async function measure(browser: Browser, view: View): Promise<Round | null> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const calls: Record<string, number> = {};
  page.on('request', (request) => {
    if (!request.url().includes('/aws/')) return;
    const target = request.headers()['x-amz-target']?.replace('BaldrApiService.', '') ?? '?';
    calls[target] = (calls[target] ?? 0) + 1;
  });
  const started = performance.now();
  await page.goto(`${url}${view.path}`);
  try {
    await page.locator(view.data).first().waitFor({ state: 'visible', timeout: 60_000 });
  } catch {
    await page.close();
    return null;
  }
  const firstData = performance.now() - started;
  await quiet(page);
  const { elements, height } = (await page.evaluate(
    '({ elements: document.getElementsByTagName("*").length, height: document.documentElement.scrollHeight })',
  )) as {
    elements: number;
    height: number;
  };
  const blockingMs = await scrollBlocking(page);
  await page.close();
  return { firstData, calls, elements, screens: height / VIEWPORT.height, blockingMs };
}

/** Until no request has been in flight for a second (every region's pages arrived). */
async function quiet(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => undefined);
}

/** Scrolls the page and every scrollable box in it top to bottom in steps, summing the long tasks meanwhile. */
async function scrollBlocking(page: Page): Promise<number> {
  await page.evaluate(OBSERVE_LONG_TASKS);
  await page.evaluate(SCROLL_EVERYTHING);
  return (await page.evaluate('window.__blocking')) as number;
}

let url = '';

const best = (rounds: readonly Round[] | undefined) => (rounds?.length ? Math.min(...rounds.map((r) => r.firstData)) : Number.NaN);
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Issue 14's target: the recovery view's first rows within 2× the cluster list's time. */
function printRecoveryTargets(summary: Record<string, Round[]>, latencies: readonly number[]): void {
  if (!summary[`${VIEWS.recovery!.name}@${latencies[0]}`]?.length) return;
  process.stdout.write('\nTargets (recovery view):\n');
  for (const latency of latencies) {
    const ratio = best(summary[`${VIEWS.recovery!.name}@${latency}`]) / best(summary[`${VIEWS.cluster!.name}@${latency}`]);
    if (Number.isFinite(ratio))
      process.stdout.write(`  first rows within 2× the cluster list at +${latency} ms: ${ratio.toFixed(2)}× ${verdict(ratio <= 2)}\n`);
  }
  const last = summary[`${VIEWS.recovery!.name}@${latencies.at(-1)}`]?.at(-1);
  if (last) process.stdout.write(`  DescribeBackups calls until quiet: ${last.calls['DescribeBackups'] ?? 0}\n`);
}

/** Issue 12's targets for the default 30-day backups view, from the figures above. */
function printTargets(summary: Record<string, Round[]>, latencies: readonly number[]): void {
  const backups = summary[`${VIEWS.backups!.name}@${latencies[0]}`];
  if (!backups?.length) return;
  process.stdout.write('\nTargets (backups view, default 30-day window):\n');
  for (const latency of latencies) {
    const ratio = best(summary[`${VIEWS.backups!.name}@${latency}`]) / best(summary[`${VIEWS.cluster!.name}@${latency}`]);
    const limit = latency === 0 ? 2 : 3;
    if (Number.isFinite(ratio))
      process.stdout.write(`  data within ${limit}× the cluster list at +${latency} ms: ${ratio.toFixed(2)}× ${verdict(ratio <= limit)}\n`);
  }
  const last = backups.at(-1)!;
  const describeBackups = last.calls['DescribeBackups'] ?? 0;
  process.stdout.write(`  ≤ 40 DescribeBackups calls: ${describeBackups} ${verdict(describeBackups <= 40)}\n`);
  process.stdout.write(`  ≤ 6,000 DOM elements: ${last.elements} ${verdict(last.elements <= 6000)}\n`);
  process.stdout.write(`  ≤ 4 screens tall: ${last.screens.toFixed(1)} ${verdict(last.screens <= 4)}\n`);
  const blocking = median(backups.map((r) => r.blockingMs));
  process.stdout.write(`  ≤ 300 ms blocking while scrolling: ${blocking.toFixed(0)} ms ${verdict(blocking <= 300)}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, latency: { type: 'string' }, rounds: { type: 'string' } } });
  const views = values.only
    ? values.only.split(',').map((name) => {
        const view = VIEWS[name.trim()];
        if (!view) throw new Error(`--only: no view "${name}" (${Object.keys(VIEWS).join(', ')})`);
        return view;
      })
    : Object.values(VIEWS);
  const latencies = values.latency !== undefined ? [Number(values.latency)] : [0, 80];
  const rounds = Number(values.rounds ?? 3);
  // Its own build folder, so a bench never changes the dist/ that `npm start` and the e2e tests serve.
  const dist = join(ROOT, '.cache', 'bench-dist');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    process.stdout.write(
      `\nBrowser bench: large seed, regions ${REGIONS}, headless Chromium at ${VIEWPORT.width}×${VIEWPORT.height}, ${rounds} rounds\n`,
    );
    const summary: Record<string, Round[]> = {};
    for (const latency of latencies) {
      const server = await startDashboardProcess(['--seed', 'large', '--in-memory', '--latency', String(latency)], ROOT, {
        DASHBOARD_DIST: dist,
      });
      url = server.url;
      for (const view of views) {
        const results: Round[] = [];
        summary[`${view.name}@${latency}`] = results;
        for (let round = 0; round < rounds; round++) {
          const result = await measure(browser, view);
          if (!result) break;
          results.push(result);
        }
        if (results.length === 0) {
          process.stdout.write(`${view.name} (+${latency} ms/call): no data appeared at ${view.path}\n`);
          continue;
        }
        const last = results.at(-1)!;
        const calls = Object.entries(last.calls)
          .sort()
          .map(([op, n]) => `${n} ${op}`)
          .join(', ');
        process.stdout.write(
          `${view.name} (+${latency} ms/call): data shown ${best(results).toFixed(0)} ms best, ${median(results.map((r) => r.firstData)).toFixed(0)} ms median; ` +
            `calls: ${calls}; ${last.elements} DOM elements, page ${last.screens.toFixed(1)} screens tall; ` +
            `scrolling blocked the main thread ${median(results.map((r) => r.blockingMs)).toFixed(0)} ms (median)\n`,
        );
      }
      server.child.kill('SIGTERM');
    }
    printTargets(summary, latencies);
    printRecoveryTargets(summary, latencies);
  } finally {
    await browser.close();
  }
}

await main();
