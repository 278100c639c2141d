import { SkeletonText } from '../../../ui';

/** A tab or section that is still loading its code or data: its shape, and the words for screen readers. */
export function PanelLoading({ what }: { what: string }) {
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">
        Loading {what}…
      </p>
      <SkeletonText lines={4} className="max-w-xl" />
    </div>
  );
}
