import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { formatAgo } from './ago';
import { buttonClasses } from '../../ui/buttons';

/** Refetches everything on screen, and says when the data was last updated. */
export function RefreshControl() {
  const queryClient = useQueryClient();
  const fetching = useIsFetching();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const updatedAt = Math.max(
    0,
    ...queryClient
      .getQueryCache()
      .getAll()
      .map((q) => q.state.dataUpdatedAt),
  );
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-300" aria-live="off" data-testid="updated-ago">
        {fetching > 0 ? 'updating…' : formatAgo(updatedAt, now)}
      </span>
      <button
        type="button"
        className={buttonClasses('normal', 'sm')}
        onClick={() => void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' })}
      >
        Refresh
      </button>
    </div>
  );
}
