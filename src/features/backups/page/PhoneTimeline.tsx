/**
 * On a phone the timeline waits behind "Show timeline": at 390 px a day is a few pixels wide, too small to tap
 * a mark, and the timeline has no touch panning (the toolbar's Earlier/Later and zoom buttons move it); the
 * list below (cards) carries the same backups and is the fallback. Shown, it fits the screen and works as on a
 * desktop; its code is fetched only then. On wider screens the timeline is always there.
 */
import { useId, useState, type ReactNode } from 'react';
import { Button, useNarrowScreen } from '../../../ui';

export function PhoneTimeline({ children }: { children: ReactNode }) {
  const narrow = useNarrowScreen();
  const [shown, setShown] = useState(false);
  const id = useId();
  if (!narrow) return <>{children}</>;
  return (
    <div className="mb-3">
      <Button size="sm" aria-expanded={shown} aria-controls={id} onClick={() => setShown((on) => !on)} data-testid="timeline-toggle">
        {shown ? 'Hide timeline' : 'Show timeline'}
      </Button>
      {!shown && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">The list below shows the same backups.</p>}
      <div id={id} className="mt-2">
        {shown && children}
      </div>
    </div>
  );
}
