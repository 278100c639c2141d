// @vitest-environment happy-dom
/** The list's state and HSM cells read the status model: its words, its icons, its availability warning. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HsmCell } from './HsmCell';
import { StateCell } from './StateCell';
import { hsm } from './testRows';

afterEach(cleanup);

describe('StateCell', () => {
  it('says the state in the model’s words with its icon, and is focusable with its message when there is one', () => {
    render(<StateCell cluster={{ State: 'CREATE_IN_PROGRESS' }} />);
    const plain = screen.getByTestId('cluster-state');
    expect(plain.textContent).toBe('Create in progress');
    expect(plain.querySelector('[data-icon="in-progress"]')).not.toBeNull();
    expect(plain.getAttribute('tabindex')).toBeNull();
    cleanup();

    render(<StateCell cluster={{ State: 'INITIALIZED', StateMessage: ' Activate it with the CLI. ' }} />);
    const withMessage = screen.getByTestId('cluster-state');
    expect(withMessage.textContent).toBe('Initialized');
    expect(withMessage.getAttribute('title')).toBe('Activate it with the CLI.');
    expect(withMessage.getAttribute('tabindex')).toBe('0');
    expect(document.getElementById(withMessage.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Activate it with the CLI.');
  });
});

describe('HsmCell', () => {
  it('counts HSMs and the AZs that serve, without a warning when two AZs serve', () => {
    render(
      <HsmCell
        cluster={{ State: 'ACTIVE', Hsms: [hsm('eu-west-1a'), hsm('eu-west-1b', 'DEGRADED'), hsm('eu-west-1c', 'CREATE_IN_PROGRESS')] }}
      />,
    );
    expect(document.body.textContent).toBe('3in 2 AZs');
    expect(screen.queryByTestId('ha-warning')).toBeNull();
  });

  it('warns, in the health model’s words, when an ACTIVE cluster is not highly available', () => {
    render(<HsmCell cluster={{ State: 'ACTIVE', Hsms: [hsm('us-east-1a'), hsm('us-east-1b', 'DELETE_IN_PROGRESS')] }} />);
    const warning = screen.getByTestId('ha-warning');
    const message = 'Not highly available: all serving HSMs are in us-east-1a. Add an HSM in another Availability Zone.';
    expect(warning.textContent).toBe(`Not highly available${message}`);
    expect(warning.querySelector('.sr-only')?.textContent).toBe(message);
    expect(warning.getAttribute('title')).toBe(message);
    expect(warning.querySelector('[data-icon="warning"]')).not.toBeNull();
    cleanup();
    render(<HsmCell cluster={{ State: 'ACTIVE', Hsms: [] }} />);
    expect(screen.getByTestId('ha-warning').textContent).toMatch(/^No HSMNo HSM: the cluster cannot serve requests/);
    cleanup();
    render(<HsmCell cluster={{ State: 'UNINITIALIZED', Hsms: [hsm('us-east-1a')] }} />);
    expect(screen.queryByTestId('ha-warning')).toBeNull();
  });
});
