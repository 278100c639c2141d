/**
 * The current time for rendering, to the minute, moving on once a minute: a render must not read the clock
 * itself (it would differ between renders), and views that show "now" or a window ending now follow it.
 */
import { useEffect, useState } from 'react';

const MINUTE = 60_000;
const floorToMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

export function useNow(): number {
  const [now, setNow] = useState(() => floorToMinute(Date.now()));
  useEffect(() => {
    const timer = setInterval(() => setNow(floorToMinute(Date.now())), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}
