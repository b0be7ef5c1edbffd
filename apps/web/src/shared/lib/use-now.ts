import { useEffect, useState } from 'react';

/**
 * The app's clock: the current time (epoch ms), read again every `intervalMs`. Countdowns and "how long
 * ago" read this rather than Date.now() in render, so they move by themselves and tests drive them with
 * fake timers.
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
