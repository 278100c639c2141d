/** Accessibility check shared by the journeys: the serious and critical axe violations of the page, as text. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const seriousViolations = async (page: Page): Promise<string[]> =>
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
