/**
 * Which of the backups page's two views is shown: the account's own backups, or the backups other accounts
 * share with it (`?view=shared`). In the URL like the page's other state; other parameters are kept.
 */
import { useSearchParams } from 'react-router';

export const VIEW_PARAM = 'view';
export const SHARED_VIEW = 'shared';

export const isSharedView = (params: URLSearchParams): boolean => params.get(VIEW_PARAM) === SHARED_VIEW;

export function useIsSharedView(): boolean {
  const [params] = useSearchParams();
  return isSharedView(params);
}
