import { defineConfig, devices } from '@playwright/test';
import { chromiumBuild, chromiumLaunchOptions } from './e2e/chromium';
import { ACCOUNTS_DASHBOARD, ACCOUNTS_EMULATOR } from './e2e/accounts/servers';

const PORT = Number(process.env.E2E_PORT ?? 8399);
// Journeys that change data run against a second server of their own, so the browse specs always see the
// untouched demo seed whatever order the files run in.
const ACTIONS_PORT = PORT + 1;
// And a --read-only server, where every mutating control must be off with the reason.
const READ_ONLY_PORT = PORT + 2;
// And a large seed (hundreds of clusters over four regions), for the views that must stay usable at scale.
const LARGE_PORT = PORT + 3;
const LARGE_SPECS = 'large/**/*.spec.ts';
// And the dashboard in AWS mode against a standalone emulator holding two accounts (e2e/accounts/servers.ts).
const ACCOUNTS_SPECS = 'accounts/**/*.spec.ts';
const serverCommand = (port: number, extra = '', seed = 'demo') =>
  `npx tsx src/server/main.ts --port ${port} --speed 600 --seed ${seed} --in-memory --poll-seconds 2${extra}`;
// Debian's Chromium where it exists, else Playwright's own (e2e/chromium.ts, shared with the browser bench).
const launchOptions = chromiumLaunchOptions;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  // Two browsers at once: every project has its own server and the action specs touch disjoint resources,
  // so files may run side by side. On a 2-core machine a busy moment can slow a page; CI retries once.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  // A slower or busier machine than ours draws the lazy timeline later: wait up to 10 s for what must appear.
  expect: { timeout: 10_000 },
  // Reference screenshots (e2e/looks.spec.ts) per browser build and OS; where none exist yet, the first run
  // writes them instead of failing (a laptop with Playwright's own Chromium). CI compares with the committed ones.
  snapshotPathTemplate: `{testDir}/screenshots/${chromiumBuild}-{platform}/{arg}{ext}`,
  updateSnapshots: 'missing',
  use: {
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'browse',
      // The other projects' specs run once, against their own servers (read-only ran here too, twice in all).
      testIgnore: ['actions/**', 'read-only/**', LARGE_SPECS, ACCOUNTS_SPECS],
      use: { ...devices['Desktop Chrome'], launchOptions, baseURL: `http://127.0.0.1:${PORT}` },
    },
    {
      name: 'actions',
      testMatch: 'actions/**/*.spec.ts',
      use: { ...devices['Desktop Chrome'], launchOptions, baseURL: `http://127.0.0.1:${ACTIONS_PORT}` },
    },
    {
      name: 'read-only',
      testMatch: 'read-only/**/*.spec.ts',
      use: { ...devices['Desktop Chrome'], launchOptions, baseURL: `http://127.0.0.1:${READ_ONLY_PORT}` },
    },
    {
      name: 'large',
      testMatch: LARGE_SPECS,
      use: { ...devices['Desktop Chrome'], launchOptions, baseURL: `http://127.0.0.1:${LARGE_PORT}` },
    },
    {
      name: 'accounts',
      testMatch: ACCOUNTS_SPECS,
      use: { ...devices['Desktop Chrome'], launchOptions, baseURL: ACCOUNTS_DASHBOARD.url },
    },
  ],
  webServer: [
    { command: serverCommand(PORT), url: `http://127.0.0.1:${PORT}/`, reuseExistingServer: false, timeout: 60_000, stdout: 'pipe' },
    {
      command: serverCommand(ACTIONS_PORT),
      url: `http://127.0.0.1:${ACTIONS_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command: serverCommand(READ_ONLY_PORT, ' --read-only'),
      url: `http://127.0.0.1:${READ_ONLY_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      // 300 clusters (75 a region: more than the 50 above which a region starts collapsed), 3,000 backups.
      command: serverCommand(LARGE_PORT, ' --large-clusters 300 --large-backups 3000', 'large'),
      url: `http://127.0.0.1:${LARGE_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    { ...ACCOUNTS_EMULATOR, reuseExistingServer: false, timeout: 60_000, stdout: 'pipe' },
    { ...ACCOUNTS_DASHBOARD, reuseExistingServer: false, timeout: 60_000, stdout: 'pipe' },
  ],
});
