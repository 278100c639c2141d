/**
 * The region picker's popover (Radix Popover: focus, Escape, outside click, a portal above all other content)
 * holding a command list (cmdk: typing filters, arrows move, Enter or a click toggles). Chosen regions come
 * first; the popover stays open while ticking several. Loaded on demand, so neither library is in the first
 * download.
 */
import * as Popover from '@radix-ui/react-popover';
import { Command } from 'cmdk';
import { useState, type ReactNode } from 'react';
import { buttonClasses } from '../../../ui/buttons';
import { toggleRegion } from '../../../aws';
import { matchesRegionSearch, regionGroups, type RegionChoice } from './regionChoices';

export interface RegionPickerPopoverProps {
  selected: string[];
  available: string[];
  onChange: (regions: string[]) => void;
  /** The trigger, drawn by the caller so the button looks the same before this module loads. */
  trigger: ReactNode;
  defaultOpen?: boolean;
}

export default function RegionPickerPopover({ selected, available, onChange, trigger, defaultOpen = false }: RegionPickerPopoverProps) {
  const [search, setSearch] = useState('');
  const groups = regionGroups(selected, available);
  const searchTexts = new Map(groups.flatMap((g) => g.regions.map((r) => [r.code, r.searchText] as const)));
  return (
    <Popover.Root defaultOpen={defaultOpen} onOpenChange={(open) => !open && setSearch('')}>
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          aria-label="Regions to show"
          className="z-50 w-[min(22rem,calc(100vw-1rem))] rounded border border-slate-300 bg-white shadow-lg dark:border-slate-600 dark:bg-slate-900"
        >
          <Command
            label="Search regions"
            // The search matches whole words in code, name and geography; cmdk's fuzzy default matches too much.
            filter={(code, query) => (matchesRegionSearch(searchTexts.get(code) ?? code, query) ? 1 : 0)}
          >
            <div className="border-b border-slate-200 p-2 dark:border-slate-700">
              <Command.Input
                value={search}
                onValueChange={setSearch}
                placeholder="Search by name or code, e.g. Frankfurt"
                className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950"
              />
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                {selected.length} of {available.length} regions shown. Enter or click ticks a region.
              </p>
            </div>
            <Command.List className="max-h-[min(24rem,60vh)] overflow-auto p-1">
              <Command.Empty className="p-2 text-sm">No region matches “{search}”.</Command.Empty>
              {groups.map((group) => (
                <Command.Group
                  key={group.heading}
                  heading={group.heading}
                  className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-slate-600 dark:[&_[cmdk-group-heading]]:text-slate-400"
                >
                  {group.regions.map((region) => (
                    <RegionItem
                      key={region.code}
                      region={region}
                      checked={selected.includes(region.code)}
                      last={selected.length === 1 && selected[0] === region.code}
                      onToggle={() => onChange(toggleRegion(selected, region.code, available))}
                    />
                  ))}
                </Command.Group>
              ))}
            </Command.List>
          </Command>
          <div className="flex justify-end border-t border-slate-200 p-2 dark:border-slate-700">
            <Popover.Close className={buttonClasses('normal', 'sm')}>Done</Popover.Close>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function RegionItem({ region, checked, last, onToggle }: { region: RegionChoice; checked: boolean; last: boolean; onToggle: () => void }) {
  return (
    <Command.Item
      value={region.code}
      onSelect={onToggle}
      // The last region cannot be unticked: something must be shown.
      disabled={last}
      aria-checked={checked}
      title={last ? 'At least one region stays shown' : undefined}
      className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm data-[disabled=true]:cursor-not-allowed data-[disabled=true]:text-slate-500 data-[selected=true]:bg-slate-100 dark:data-[disabled=true]:text-slate-400 dark:data-[selected=true]:bg-slate-800"
    >
      <span
        aria-hidden="true"
        className={`flex size-4 shrink-0 items-center justify-center rounded-sm border ${checked ? 'border-blue-700 bg-blue-700 text-white dark:border-blue-400 dark:bg-blue-500' : 'border-slate-400'}`}
      >
        {checked && (
          <svg
            viewBox="0 0 16 16"
            className="size-3"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="m3.5 8.5 3 3 6-7" />
          </svg>
        )}
      </span>
      <span className="min-w-0 flex-1 truncate">{region.name}</span>
      <span className="shrink-0 font-mono text-xs text-slate-600 dark:text-slate-400">{region.code}</span>
    </Command.Item>
  );
}
