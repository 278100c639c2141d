import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseBackupParams, toBackupParams, type BackupPageParams } from './params';

/**
 * The page's filters, order, zoom, pan and selection, read from and written to the URL. Filter, order and
 * zoom changes are history entries; `replace` (selection, typing) is not.
 */
export function useBackupPageParams(): {
  params: BackupPageParams;
  setParams: (update: (current: BackupPageParams) => BackupPageParams, options?: { replace?: boolean }) => void;
} {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  const params = useMemo(() => parseBackupParams(new URLSearchParams(key)), [key]);
  const setParams = useCallback(
    (update: (current: BackupPageParams) => BackupPageParams, options?: { replace?: boolean }) =>
      setSearch((current) => toBackupParams(update(parseBackupParams(current)), current), { replace: options?.replace ?? false }),
    [setSearch],
  );
  return { params, setParams };
}
