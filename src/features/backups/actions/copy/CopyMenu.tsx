/**
 * The menu part of the copy split button: every region the backup can be copied to (the shown ones first,
 * the last used one marked) and "Copy with different tags…". The dialog opens once the menu has closed and
 * given focus back to its trigger, so that the dialog returns focus there (it remembers what had focus when it
 * opened: not a menu item that is gone).
 */
import * as Menu from '@radix-ui/react-dropdown-menu';
import { useRef } from 'react';
import { BUTTON_VARIANTS } from '../../../../ui';
import type { CopyDestinations } from './useCopyDestinations';

const itemClass =
  'cursor-pointer rounded px-2 py-1 text-sm outline-none select-none data-[highlighted]:bg-blue-700 data-[highlighted]:text-white dark:data-[highlighted]:bg-blue-600';
const labelClass = 'px-2 pt-1 pb-0.5 text-xs font-semibold text-slate-600 dark:text-slate-400';

/** The menu part of the split button: the kit's normal look (and its one off look), joined to the main part. */
export const triggerClass = (compact: boolean) =>
  `${BUTTON_VARIANTS.normal} -ml-px rounded-l-none px-2 ${compact ? 'py-0.5 text-xs' : 'py-1.5 text-sm'}`;

export interface CopyMenuProps {
  /** Accessible name of the trigger. */
  name: string;
  compact: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** A copy is being asked for: the trigger is off. */
  busy: boolean;
  destinations: CopyDestinations;
  onCopy: (destination: string) => void;
  onCopyWithTags: () => void;
}

export function CopyMenu({ name, compact, open, onOpenChange, busy, destinations, onCopy, onCopyWithTags }: CopyMenuProps) {
  const trigger = useRef<HTMLButtonElement>(null);
  const dialogNext = useRef(false);
  const shown = destinations.shown;
  const others = destinations.all.filter((r) => !shown.includes(r));
  return (
    // Not modal: a modal menu leaves pointer-events off on <body> when a dialog opens from one of its items.
    <Menu.Root modal={false} open={open} onOpenChange={onOpenChange}>
      <Menu.Trigger asChild>
        <button ref={trigger} type="button" aria-label={name} aria-disabled={busy || undefined} className={triggerClass(compact)}>
          <span aria-hidden="true">▾</span>
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={4}
          onCloseAutoFocus={(event) => {
            if (!dialogNext.current) return;
            event.preventDefault();
            dialogNext.current = false;
            trigger.current?.focus();
            onCopyWithTags();
          }}
          className="z-50 max-h-80 min-w-56 overflow-y-auto rounded border border-slate-300 bg-white p-1 text-slate-900 shadow-lg dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
          data-testid="copy-menu"
        >
          <RegionGroup label="Shown regions" regions={shown} lastUsed={destinations.lastUsed} onCopy={onCopy} />
          <RegionGroup label="Other regions" regions={others} lastUsed={destinations.lastUsed} onCopy={onCopy} />
          <Menu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
          <Menu.Item className={itemClass} onSelect={() => (dialogNext.current = true)}>
            Copy with different tags…
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

function RegionGroup({
  label,
  regions,
  lastUsed,
  onCopy,
}: {
  label: string;
  regions: string[];
  lastUsed: string | null;
  onCopy: (r: string) => void;
}) {
  if (regions.length === 0) return null;
  return (
    <Menu.Group>
      <Menu.Label className={labelClass}>{label}</Menu.Label>
      {regions.map((r) => (
        <Menu.Item key={r} className={itemClass} onSelect={() => onCopy(r)}>
          Copy to {r}
          {r === lastUsed ? ' (last used)' : ''}
        </Menu.Item>
      ))}
    </Menu.Group>
  );
}
