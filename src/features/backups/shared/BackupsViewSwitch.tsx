/**
 * "My backups" | "Shared with me": two links over the backups page (the current one marked for assistive
 * tech with aria-current and for the eye with weight and an underline, not colour alone). Links, not
 * buttons: each view has its own address.
 */
import { Link } from 'react-router';
import { useShownRegions } from '../../../aws';
import { SHARED_VIEW, useIsSharedView, VIEW_PARAM } from './sharedView';

const LINK = 'rounded px-3 py-1.5 text-sm underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-2';
const CURRENT = 'font-semibold underline decoration-2 bg-slate-100 dark:bg-slate-800';
const OTHER = 'text-slate-700 hover:underline dark:text-slate-300';

export function BackupsViewSwitch() {
  const shared = useIsSharedView();
  const { linkTo } = useShownRegions();
  return (
    <nav aria-label="Backups views" className="mb-3 flex flex-wrap gap-1" data-testid="backups-view-switch">
      <Link to={linkTo('/backups')} aria-current={shared ? undefined : 'page'} className={`${LINK} ${shared ? OTHER : CURRENT}`}>
        My backups
      </Link>
      <Link
        to={linkTo('/backups', { params: { [VIEW_PARAM]: SHARED_VIEW } })}
        aria-current={shared ? 'page' : undefined}
        className={`${LINK} ${shared ? CURRENT : OTHER}`}
        data-testid="shared-with-me-link"
      >
        Shared with me
      </Link>
    </nav>
  );
}
