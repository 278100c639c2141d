/**
 * Which Chromium the browser tests and benches launch: Debian's where it exists (no browser download works on
 * our machines), or the one named in CHROMIUM_PATH; elsewhere Playwright's own (`npx playwright install
 * chromium`), with no options.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const chromiumPath = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumLaunchOptions: LaunchOptions = chromiumPath
  ? {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    }
  : {};

/**
 * Which browser build draws the screenshots: reference images are kept per build (fonts and rendering differ
 * between Debian's Chromium and Playwright's), so one never fails against the other's.
 */
export const chromiumBuild: string =
  chromiumPath === '/usr/bin/chromium' ? 'debian-chromium' : chromiumPath ? 'custom-chromium' : 'playwright-chromium';
