// @vitest-environment happy-dom
/** Alerts say their type in words, take the role the rule gives them, and can be focused and dismissed. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alert, alertRole } from './Alert';
import { AwsErrorMessage } from './AwsErrorMessage';
import { ReadOnlyBanner } from './ReadOnlyBanner';

afterEach(cleanup);

describe('Alert', () => {
  it('a failed change interrupts (role=alert), says "Error" and its message', () => {
    render(
      <Alert type="error" header="Could not delete the backup">
        CloudHsmInvalidRequestException: the backup is in use.
      </Alert>,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('img', { name: 'Error' })).toBeTruthy();
    expect(alert.textContent).toBe('Could not delete the backup' + 'CloudHsmInvalidRequestException: the backup is in use.');
  });

  it('a success is said politely (role=status)', () => {
    render(<Alert type="success">Backup copied to eu-west-1.</Alert>);
    expect(screen.getByRole('status').textContent).toBe('Backup copied to eu-west-1.');
    expect(screen.getByRole('img', { name: 'Success' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a warning or info about the page as it is is not announced, unless asked', () => {
    const { rerender } = render(<Alert type="warning">Not highly available.</Alert>);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('img', { name: 'Warning' })).toBeTruthy();
    rerender(
      <Alert type="warning" live>
        The copy is taking longer than usual.
      </Alert>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    rerender(
      <Alert type="error" live={false}>
        Last refresh failed.
      </Alert>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('follows one role rule', () => {
    expect([alertRole('error'), alertRole('warning'), alertRole('info'), alertRole('success')]).toEqual([
      'alert',
      undefined,
      undefined,
      'status',
    ]);
    expect([alertRole('error', true), alertRole('warning', true), alertRole('info', true), alertRole('success', true)]).toEqual([
      'alert',
      'alert',
      'status',
      'status',
    ]);
    expect(alertRole('success', false)).toBeUndefined();
  });

  it('offers its action and a named dismiss button', () => {
    const onRetry = vi.fn();
    const onDismiss = vi.fn();
    render(
      <Alert type="error" action={<button onClick={onRetry}>Try again</button>} onDismiss={onDismiss} dismissLabel="Dismiss the error">
        DescribeClusters in us-east-1 failed.
      </Alert>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the error' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('can take focus from its caller', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <Alert ref={ref} type="error">
        Fix 2 problems.
      </Alert>,
    );
    ref.current!.focus();
    expect(document.activeElement).toBe(screen.getByRole('alert'));
  });
});

describe('ReadOnlyBanner', () => {
  it('says once that changes are off, and why, without interrupting', () => {
    render(<ReadOnlyBanner readOnly />);
    const banner = screen.getByTestId('read-only-banner');
    expect(banner.textContent).toBe('Read-only session' + 'Changes are turned off (the dashboard was started with --read-only).');
    expect(within(banner).getByRole('img', { name: 'Information' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('adds what the page still offers', () => {
    render(<ReadOnlyBanner readOnly>Fill in the form to get the equivalent AWS CLI command.</ReadOnlyBanner>);
    expect(screen.getByTestId('read-only-banner').textContent).toContain(
      '--read-only). Fill in the form to get the equivalent AWS CLI command.',
    );
  });

  it('draws nothing in a session that can change things', () => {
    const { container } = render(<ReadOnlyBanner readOnly={false} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('AwsErrorMessage', () => {
  const error = {
    info: {
      title: 'Access denied',
      operation: 'DescribeClusters',
      region: 'eu-west-1',
      code: 'AccessDenied',
      message: 'Not for you',
      requestId: 'req-1',
    },
  };

  it('names the operation, region, code, message and request id, then what to do when told', () => {
    render(<AwsErrorMessage error={error} what="Could not load cluster x" advice="Check the IAM policy, then Try again." />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not load cluster x: Access denied');
    expect(alert.textContent).toContain('DescribeClusters in eu-west-1 failed: AccessDenied: Not for you(request req-1)');
    expect(alert.textContent).toContain('Check the IAM policy, then Try again.');
  });

  it('without advice, says only what failed', () => {
    render(<AwsErrorMessage error={error} />);
    expect(screen.getByRole('alert').querySelectorAll('p').length).toBe(2);
  });
});
