// @vitest-environment happy-dom
/** The list's state and HSM cells read the status model: its words, its icons, its availability warning. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HsmCell } from './HsmCell';
import { StateCell } from './StateCell';
import { hsm } from './testRows';

afterEach(cleanup);

const NOW = Date.UTC(2026, 5, 1);

describe('StateCell', () => {
  it('says the state in the model’s words with its icon, plain and not focusable when nothing more is to be said', () => {
    render(<StateCell cluster={{ State: 'CREATE_IN_PROGRESS' }} now={NOW} />);
    const plain = screen.getByTestId('cluster-state');
    expect(plain.textContent).toBe('Create in progress');
    expect(plain.querySelector('[data-icon="in-progress"]')).not.toBeNull();
    expect(plain.getAttribute('tabindex')).toBeNull();
    expect(plain.getAttribute('data-attention')).toBe('false');
  });

  it('reads "Active · Degraded" (warning) for an ACTIVE cluster with a DEGRADED HSM, naming the HSM, its AZ and the service’s words', () => {
    const degraded = { ...hsm('eu-west-1b', 'DEGRADED', 'hsm-bad'), StateMessage: 'hardware fault' };
    render(<StateCell cluster={{ State: 'ACTIVE', Hsms: [hsm('eu-west-1a'), degraded, hsm('eu-west-1c')] }} now={NOW} />);
    const cell = screen.getByTestId('cluster-state');
    expect(cell.textContent).toBe('Active · Degraded');
    expect(cell.querySelector('[data-icon="warning"]')).not.toBeNull();
    expect(cell.querySelector('[data-tone="warning"]')).not.toBeNull();
    expect(cell.getAttribute('data-attention')).toBe('true');
    expect(cell.getAttribute('tabindex')).toBe('0');
    const description = document.getElementById(cell.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(description).toMatch(/^HSM hsm-bad in eu-west-1b is degraded/);
    expect(description).toContain('AWS says: hardware fault');
    expect(cell.getAttribute('title')).toBe(description);
  });

  it('says both the health problem and the cluster’s StateMessage, on hover and on focus', () => {
    render(<StateCell cluster={{ State: 'INITIALIZED', StateMessage: ' Activate it with the CLI. ' }} now={NOW} />);
    const cell = screen.getByTestId('cluster-state');
    expect(cell.textContent).toBe('Initialized · Not activated');
    const title = cell.getAttribute('title') ?? '';
    expect(title.split('\n')).toEqual([expect.stringMatching(/^Initialized but not active/), 'Activate it with the CLI.']);
    expect(document.getElementById(cell.getAttribute('aria-describedby') ?? '')?.textContent).toBe(title);
    expect(screen.queryByTestId('cluster-state-details')).toBeNull();
    fireEvent.focus(cell);
    expect(screen.getByTestId('cluster-state-details').textContent).toBe(title);
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
