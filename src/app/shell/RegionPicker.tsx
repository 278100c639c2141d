/**
 * The header's region picker. The trigger is drawn here, so it is in the first view at once; the popover (Radix
 * Popover + cmdk, regions/RegionPickerPopover) is fetched right after the first render and takes the same
 * trigger over. A click before it arrives opens it as soon as it does.
 */
import { forwardRef, lazy, Suspense, useEffect, useState, type ComponentPropsWithoutRef } from 'react';
import { buttonClasses } from '../../ui/buttons';

const loadPopover = () => import('./regions/RegionPickerPopover');
// If the server went away before the popover arrived, the trigger stays and says how to get it back.
const RegionPickerPopover = lazy(() =>
  loadPopover().catch(() => ({
    default: ({ selected }: { selected: string[] }) => (
      <RegionTrigger selected={selected} aria-disabled="true" title="The region picker could not load: reload the page" />
    ),
  })),
);

/** The trigger's words: up to three codes, else a count. (Here, not beside the region names, so the names stay
 * out of the first download.) */
export const pickerSummary = (selected: readonly string[]): string =>
  selected.length <= 3 ? selected.join(', ') : `${selected.length} regions`;

interface RegionPickerProps {
  selected: string[];
  available: string[];
  onChange: (regions: string[]) => void;
}

const RegionTrigger = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'> & { selected: string[] }>(function RegionTrigger(
  { selected, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      aria-haspopup="dialog"
      {...props}
      // The name starts with what is seen (WCAG 2.5.3), then names every region when the button counts them.
      aria-label={selected.length <= 3 ? `Regions: ${selected.join(', ')}` : `Regions: ${pickerSummary(selected)} (${selected.join(', ')})`}
      className={`${buttonClasses('normal', 'sm')} max-w-full`}
    >
      <span className="truncate">Regions: {pickerSummary(selected)}</span>
      <span aria-hidden="true">▾</span>
    </button>
  );
});

export function RegionPicker({ selected, available, onChange }: RegionPickerProps) {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    void loadPopover();
  }, []);
  const placeholder = <RegionTrigger selected={selected} aria-expanded={false} onClick={() => setWanted(true)} />;
  return (
    <Suspense fallback={placeholder}>
      <RegionPickerPopover
        selected={selected}
        available={available}
        onChange={onChange}
        defaultOpen={wanted}
        trigger={<RegionTrigger selected={selected} />}
      />
    </Suspense>
  );
}
