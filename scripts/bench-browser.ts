/**
 * `npm run bench:browser`: with the `large` seed (1,000 clusters, 20,000 backups over 4 regions), headless
 * Chromium (Debian's when /usr/bin/chromium exists, or CHROMIUM_PATH), the time from navigation until a view
 * shows data, and how many rows are in the DOM then (a virtualised list keeps that small).
 *
 * Needs a built SPA (it runs `vite build` first). The server runs as a child process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startDashboardProcess } from './serverProcess';
import { chromium } from '@playwright/test';

const ROOT = new URL('..', import.meta.url).pathname;
const REGIONS = 'us-east-1,us-west-2,eu-west-1,ap-southeast-1';

interface View {
  name: string;
  path: string;
  /** Selector of one row of data. */
  row: string;
  /** What to count in the DOM once the view has settled. */
  counted: Record<string, string>;
}

const VIEWS: View[] = [
  { name: 'cluster list', path: `/clusters?regions=${REGIONS}`, row: '[data-testid=cluster-row]', counted: { 'table rows': '[data-testid=cluster-row]' } },
  {
    name: 'backup timeline',
    path: `/backups?regions=${REGIONS}`,
    row: '[data-testid=timeline-mark]',
    counted: { 'timeline marks': '[data-testid=timeline-mark]', 'list rows': '[data-testid=backup-row]' },
  },
];

const startServer = () => startDashboardProcess(['--seed', 'large', '--in-memory'], ROOT);

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const { child, url } = await startServer();
  const executablePath = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath && { executablePath }),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    process.stdout.write(`\nBrowser bench: large seed, regions ${REGIONS}, headless Chromium\n`);
    for (const view of VIEWS) {
      const times: number[] = [];
      let counts = '';
      let found = true;
      for (let round = 0; round < 3; round++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const started = performance.now();
        await page.goto(`${url}${view.path}`);
        try {
          await page.locator(view.row).first().waitFor({ state: 'visible', timeout: 30_000 });
        } catch {
          found = false;
          await page.close();
          break;
        }
        times.push(performance.now() - started);
        // Let every region's pages arrive, then count what the DOM holds.
        await page.waitForLoadState('networkidle');
        const parts: string[] = [];
        for (const [label, selector] of Object.entries(view.counted)) parts.push(`${await page.locator(selector).count()} ${label}`);
        counts = parts.join(', ');
        await page.close();
      }
      if (!found) {
        process.stdout.write(`${view.name}: no data rows appeared at ${view.path} (view not built yet?)\n`);
        continue;
      }
      times.sort((a, b) => a - b);
      process.stdout.write(`${view.name}: data shown ${times[0]!.toFixed(0)} ms best, ${times[1]!.toFixed(0)} ms median of 3 (from navigation); then in the DOM: ${counts}\n`);
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

await main();
