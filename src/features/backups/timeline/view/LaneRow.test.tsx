// @vitest-environment happy-dom
/** A lane says when its cluster needs attention, in the health model's words and icon; a healthy one stays quiet. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clusterHealth } from '../../../../cloudhsm/health';
import { LaneRow } from './LaneRow';

const lane = {
  key: 'eu-west-1/cluster-r32oarjgi66',
  region: 'eu-west-1',
  clusterId: 'cluster-r32oarjgi66',
  label: 'identity-eu-prod',
  y: 16,
  top: 0,
  height: 32,
  marks: [],
};
const geometry = { width: 800, labelWidth: 200, axisWidth: 600, toX: () => 0, nowX: 600 };
const nav = {
  activeId: null,
  isSelected: () => false,
  events: { register: () => {}, onKeyDown: () => {}, onClick: () => {}, onFocus: () => {}, onLeave: () => {}, onHover: () => {} },
};
const hsm = (HsmId: string, AvailabilityZone: string, State = 'ACTIVE') => ({ HsmId, AvailabilityZone, State });

afterEach(cleanup);

describe('LaneRow', () => {
  it('a degraded cluster’s lane carries the warning icon named "Active · Degraded"', () => {
    const health = clusterHealth({ State: 'ACTIVE', Hsms: [hsm('hsm-a', 'eu-west-1a'), hsm('hsm-b', 'eu-west-1b', 'DEGRADED')] });
    render(<LaneRow lane={lane} top={0} geometry={geometry} nav={nav} health={health} />);
    expect(screen.getByRole('img', { name: 'Active · Degraded' })).toBeTruthy();
    const label = screen.getByText('identity-eu-prod');
    expect(label.getAttribute('data-attention')).toBe('true');
    expect(label.getAttribute('title')).toBe('identity-eu-prod (cluster-r32oarjgi66) in eu-west-1: Active · Degraded');
  });

  it('a healthy or unknown cluster’s lane has no icon', () => {
    const healthy = clusterHealth({ State: 'ACTIVE', Hsms: [hsm('hsm-a', 'eu-west-1a'), hsm('hsm-b', 'eu-west-1b')] });
    const { rerender } = render(<LaneRow lane={lane} top={0} geometry={geometry} nav={nav} health={healthy} />);
    expect(screen.queryByRole('img')).toBeNull();
    rerender(<LaneRow lane={lane} top={0} geometry={geometry} nav={nav} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('identity-eu-prod').getAttribute('data-attention')).toBeNull();
  });
});
