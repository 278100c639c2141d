/** The browser's clock, moving on every `intervalMs` while `running` (an elapsed time that counts up). */
import { useEffect, useState } from 'react';

export function useTick(intervalMs: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // The first tick comes after intervalMs; until then the time read at mount (or the last tick) stands.
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, running]);
  return now;
}
