/**
 * Above the timeline: the zoom levels (a segmented control: the pressed one is the kit's primary look), the
 * pan buttons (off, in the kit's one off look, where there is nowhere to go: natively disabled, so Tab goes
 * straight on to the timeline), and the legend.
 */
import { Button } from '../../../ui';
import type { BackupPageParams } from '../params';
import { ZOOM_LEVELS, type ZoomLevel } from '../timeline';
import { TimelineLegend } from './TimelineLegend';
import type { TimelineControls } from './useTimelineControls';

const ZOOM_LABELS: Record<ZoomLevel, string> = { '7d': '7 days', '30d': '30 days', '90d': '90 days', '1y': '1 year', all: 'All' };

export function TimelineToolbar({ params, controls }: { params: BackupPageParams; controls: TimelineControls }) {
  const live = params.end === null;
  return (
    <div className="mb-2 flex flex-wrap items-center gap-3">
      <div role="group" aria-label="Zoom" className="flex flex-wrap gap-1">
        {ZOOM_LEVELS.map((level) => (
          <Button
            key={level}
            size="sm"
            variant={params.zoom === level ? 'primary' : 'normal'}
            aria-pressed={params.zoom === level}
            onClick={() => controls.zoomTo(level)}
          >
            {ZOOM_LABELS[level]}
          </Button>
        ))}
      </div>
      <div role="group" aria-label="Pan" className="flex flex-wrap gap-1">
        <Button size="sm" onClick={() => controls.pan('earlier')} disabled={params.zoom === 'all'}>
          ← Earlier
        </Button>
        <Button size="sm" onClick={() => controls.pan('later')} disabled={params.zoom === 'all' || live}>
          Later →
        </Button>
        <Button size="sm" onClick={controls.toNow} disabled={live}>
          Now
        </Button>
      </div>
      <TimelineLegend />
    </div>
  );
}
