// @vitest-environment happy-dom
/** The header says who you are: mode, account, principal; the full ARN (and profile) on hover and focus, and to screen readers. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../aws';
import { SessionBadge } from './SessionBadge';

afterEach(cleanup);

const base = { regions: ['us-east-1'], readOnly: false, availableRegions: ['us-east-1'] };
const tooltip = () => document.querySelector('[data-slot="tooltip"]');
const description = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

const EMULATOR: SessionInfo = {
  ...base,
  mode: 'emulator',
  accountId: '123456789012',
  identity: { arn: 'arn:aws:iam::123456789012:user/dashboard-demo', kind: 'user', principal: 'dashboard-demo' },
};
const ROLE_ARN = 'arn:aws:sts::111122223333:assumed-role/PaymentsAdmin/alice@example.com';
const AWS_ROLE: SessionInfo = {
  ...base,
  mode: 'aws',
  profile: 'prod',
  accountId: '111122223333',
  identity: { arn: ROLE_ARN, kind: 'role', principal: 'PaymentsAdmin', session: 'alice@example.com' },
};

describe('SessionBadge', () => {
  it('emulator: the mode, the account and the user; the ARN on keyboard focus, gone with Escape', () => {
    render(<SessionBadge session={EMULATOR} />);
    const badge = screen.getByTestId('session');
    expect(badge.textContent).toMatch(/^Emulator· account 123456789012·dashboard-demo/);
    const principal = screen.getByTestId('session-principal');
    expect(principal.textContent).toBe('dashboard-demo');
    expect(principal.tabIndex).toBe(0);
    expect(tooltip()).toBeNull();
    fireEvent.focus(principal);
    expect(tooltip()?.textContent).toContain('arn:aws:iam::123456789012:user/dashboard-demo');
    expect(tooltip()?.textContent).toContain('IAM user dashboard-demo');
    fireEvent.keyDown(principal, { key: 'Escape' });
    expect(tooltip()).toBeNull();
  });

  it('AWS with an assumed role: the role name shown; ARN, session, account and profile on hover and in its description', () => {
    render(<SessionBadge session={{ ...AWS_ROLE, readOnly: true }} />);
    const badge = screen.getByTestId('session');
    expect(badge.textContent).toContain('AWS');
    expect(badge.textContent).toContain('(prod)');
    expect(badge.textContent).toContain('read-only');
    const principal = screen.getByTestId('session-principal');
    expect(principal.textContent).toBe('PaymentsAdmin');
    fireEvent.pointerEnter(principal);
    for (const words of [ROLE_ARN, 'Role PaymentsAdmin (session alice@example.com)', 'Account 111122223333', 'Profile prod']) {
      expect(tooltip()?.textContent).toContain(words);
      expect(description(principal)).toContain(words);
    }
  });

  it('keeps 390 px compact: the account and profile are hidden below the sm/md breakpoints, the principal is truncated', () => {
    render(<SessionBadge session={AWS_ROLE} />);
    expect(screen.getByText('· account 111122223333').className).toMatch(/(^| )hidden( |$)/);
    expect(screen.getByText('(prod)').className).toMatch(/(^| )hidden( |$)/);
    expect(screen.getByTestId('session-principal').className).toContain('truncate');
  });

  it('AWS when the identity could not be looked up: says so instead of naming nobody', () => {
    render(<SessionBadge session={{ ...base, mode: 'aws', endpoint: 'http://127.0.0.1:4566/' }} />);
    const principal = screen.getByTestId('session-principal');
    expect(principal.textContent).toBe('identity unknown');
    expect(description(principal)).toContain('could not be looked up (STS GetCallerIdentity)');
    expect(description(principal)).toContain('Endpoint http://127.0.0.1:4566/');
    expect(description(principal)).toContain('Default credential chain (no profile)');
  });
});
