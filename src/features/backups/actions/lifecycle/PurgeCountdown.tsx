/** "purged in 6 days 23 hours", kept current (once a minute) for a PENDING_DELETION backup. */
import { useEffect, useState } from 'react';
import { formatPurgeCountdown } from './countdown';

const MINUTE = 60_000;

/** The time now, refreshed every `intervalMs` while mounted. */
export function useNow(intervalMs = MINUTE): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function PurgeCountdown({ deleteAt, className }: { deleteAt: Date | undefined; className?: string }) {
  const now = useNow();
  return (
    <span className={className} data-testid="purge-countdown">
      {formatPurgeCountdown(deleteAt, now)}
    </span>
  );
}
