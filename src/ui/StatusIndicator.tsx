/**
 * A state said in an icon AND words, coloured by tone: never colour alone. Views do not pick icons or colours
 * for states themselves; they pass a resource's state (ResourceStatus) or a spec from the status model
 * (StatusSpecIndicator), so "Create in progress" looks the same in every list, page and dialog.
 */
import type { HTMLAttributes, ReactNode } from 'react';
import { statusOf, type ResourceKind, type StatusIcon as StatusIconName, type StatusTone } from '../cloudhsm/status';
import { StatusIcon } from './icons';
import { ICON_TONE, TONE_TEXT } from './tone';

export interface StatusIndicatorProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  icon: StatusIconName;
  /** Colour; defaults to the icon's usual tone (success → ok, in-progress → progress, ...). */
  tone?: StatusTone;
  /** The words (required: the icon alone is not enough). */
  children: ReactNode;
  /**
   * A name for the icon, only when it adds something the words lack (e.g. "Warning" next to a plain count).
   * Without it the icon is hidden from assistive tech, so the state is not read twice.
   */
  iconLabel?: string;
  /** Let the words wrap (default). `false` keeps one line and cuts with an ellipsis (the full text is the title). */
  wrap?: boolean;
}

export function StatusIndicator({ icon, tone, children, iconLabel, wrap = true, className = '', title, ...rest }: StatusIndicatorProps) {
  const shown = tone ?? ICON_TONE[icon];
  const oneLine = wrap ? '' : 'max-w-full whitespace-nowrap';
  return (
    <span
      {...rest}
      title={title ?? (!wrap && typeof children === 'string' ? children : undefined)}
      data-tone={shown}
      className={`inline-flex items-baseline gap-1.5 font-medium ${oneLine} ${TONE_TEXT[shown]} ${className}`}
    >
      {/* Baseline-aligned with the text: nudge the 1em icon down to sit on the line like a letter. */}
      <StatusIcon name={icon} label={iconLabel} className="translate-y-[0.125em]" />
      <span className={wrap ? '' : 'min-w-0 truncate'}>{children}</span>
    </span>
  );
}

/** Anything the status model describes: a StatusSpec, a ClusterHealth (both carry label, tone and icon). */
export interface StatusLike {
  label: string;
  tone: StatusTone;
  icon: StatusIconName;
}

export interface StatusSpecIndicatorProps extends Omit<StatusIndicatorProps, 'icon' | 'tone' | 'children'> {
  status: StatusLike;
  /** Replaces the spec's label (rarely: e.g. a shorter word in a dense cell). */
  children?: ReactNode;
}

/** A status from the model as it is: `<StatusSpecIndicator status={clusterHealth(cluster)} />`. */
export function StatusSpecIndicator({ status, children, ...rest }: StatusSpecIndicatorProps) {
  return (
    <StatusIndicator icon={status.icon} tone={status.tone} {...rest}>
      {children ?? status.label}
    </StatusIndicator>
  );
}

export interface ResourceStatusProps extends Omit<StatusIndicatorProps, 'icon' | 'tone' | 'children'> {
  kind: ResourceKind;
  /** The API state (`CREATE_IN_PROGRESS`); unknown or missing states still read ("Unknown", humanized words). */
  state: string | undefined;
}

/** A cluster's, HSM's or backup's state, in the status model's words: `<ResourceStatus kind="backup" state={b.BackupState} />`. */
export function ResourceStatus({ kind, state, ...rest }: ResourceStatusProps) {
  return <StatusSpecIndicator status={statusOf(kind, state)} data-state={state} {...rest} />;
}
