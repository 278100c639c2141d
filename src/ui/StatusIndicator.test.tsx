// @vitest-environment happy-dom
/** States read as words with an icon of their own shape; the icon is only announced when it adds meaning. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clusterHealth } from '../cloudhsm/health';
import type { StatusIcon } from '../cloudhsm/status';
import { ResourceStatus, StatusIndicator, StatusSpecIndicator } from './StatusIndicator';

afterEach(cleanup);

describe('StatusIndicator', () => {
  it('shows the words; the icon is decorative, so a screen reader hears the state once', () => {
    render(
      <StatusIndicator icon="success" data-testid="s">
        Active
      </StatusIndicator>,
    );
    const status = screen.getByTestId('s');
    expect(status.textContent).toBe('Active');
    expect(screen.queryByRole('img')).toBeNull();
    expect(status.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('names the icon when asked, as an image', () => {
    render(
      <StatusIndicator icon="warning" iconLabel="Warning">
        2 HSMs
      </StatusIndicator>,
    );
    expect(screen.getByRole('img', { name: 'Warning' })).toBeTruthy();
  });

  it('draws a different shape for every icon, and the spinner turns only when motion is welcome', () => {
    const icons: StatusIcon[] = ['success', 'warning', 'error', 'in-progress', 'pending', 'stopped', 'info'];
    const { container } = render(
      <>
        {icons.map((icon) => (
          <StatusIndicator key={icon} icon={icon}>
            {icon}
          </StatusIndicator>
        ))}
      </>,
    );
    const shapes = [...container.querySelectorAll('svg')].map((svg) => svg.innerHTML);
    expect(new Set(shapes).size).toBe(icons.length);
    const spinner = container.querySelector('svg[data-icon="in-progress"]')!;
    expect(spinner.getAttribute('class')).toContain('motion-safe:animate-spin');
    expect(spinner.getAttribute('class')).not.toMatch(/(^|\s)animate-spin/);
  });

  it('keeps one line when asked, with the full words as its title', () => {
    render(
      <StatusIndicator icon="in-progress" wrap={false} data-testid="s">
        Initialize in progress
      </StatusIndicator>,
    );
    expect(screen.getByTestId('s').getAttribute('title')).toBe('Initialize in progress');
  });
});

describe('ResourceStatus', () => {
  it('takes words and tone from the status model', () => {
    render(
      <>
        <ResourceStatus kind="cluster" state="CREATE_IN_PROGRESS" data-testid="cluster" />
        <ResourceStatus kind="backup" state="PENDING_DELETION" data-testid="backup" />
        <ResourceStatus kind="hsm" state="DEGRADED" data-testid="hsm" />
      </>,
    );
    expect(screen.getByTestId('cluster').textContent).toBe('Create in progress');
    expect(screen.getByTestId('cluster').getAttribute('data-tone')).toBe('progress');
    expect(screen.getByTestId('backup').textContent).toBe('Pending deletion');
    expect(screen.getByTestId('hsm').textContent).toBe('Degraded');
    expect(screen.getByTestId('hsm').getAttribute('data-tone')).toBe('warning');
  });

  it('still reads for a missing or newer state', () => {
    render(
      <>
        <ResourceStatus kind="cluster" state={undefined} data-testid="missing" />
        <ResourceStatus kind="backup" state="ARCHIVE_IN_PROGRESS" data-testid="newer" />
      </>,
    );
    expect(screen.getByTestId('missing').textContent).toBe('Unknown');
    expect(screen.getByTestId('newer').textContent).toBe('Archive in progress');
  });
});

describe('StatusSpecIndicator', () => {
  it('shows a cluster health with its problem, in warning tone', () => {
    const health = clusterHealth({ State: 'ACTIVE', Hsms: [{ HsmId: 'hsm-1', State: 'ACTIVE', AvailabilityZone: 'us-east-1a' }] });
    render(<StatusSpecIndicator status={health} data-testid="health" />);
    expect(screen.getByTestId('health').textContent).toBe('Active · Not highly available');
    expect(screen.getByTestId('health').getAttribute('data-tone')).toBe('warning');
  });
});
