import { toggleRegion } from '../../aws';

/**
 * Several regions at once: a native disclosure (<details>) holding one checkbox per CloudHSM region, so it
 * works with keyboard and screen readers without any script of its own. The last region cannot be unchecked.
 */
export function RegionPicker({
  selected,
  available,
  onChange,
}: {
  selected: string[];
  available: string[];
  onChange: (regions: string[]) => void;
}) {
  const summary = selected.length <= 3 ? selected.join(', ') : `${selected.length} regions`;
  return (
    <details className="relative">
      <summary
        className="cursor-pointer rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-600"
        aria-label={`Regions: ${selected.join(', ')}`}
      >
        Regions: {summary}
      </summary>
      <fieldset className="absolute right-0 z-10 mt-1 max-h-80 w-56 overflow-auto rounded border border-slate-300 bg-white p-2 shadow-lg dark:border-slate-600 dark:bg-slate-900">
        <legend className="sr-only">Regions to show</legend>
        {available.map((region) => {
          const checked = selected.includes(region);
          return (
            <label key={region} className="flex items-center gap-2 py-0.5 text-sm">
              <input
                type="checkbox"
                checked={checked}
                disabled={checked && selected.length === 1}
                onChange={() => onChange(toggleRegion(selected, region, available))}
              />
              {region}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
