/** "updated 12 s ago" text for the refresh control. */
export function formatAgo(updatedAt: number, now: number): string {
  if (updatedAt <= 0) return 'not loaded yet';
  const seconds = Math.max(0, Math.floor((now - updatedAt) / 1000));
  if (seconds < 5) return 'updated just now';
  if (seconds < 60) return `updated ${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `updated ${minutes} min ago`;
  return `updated ${Math.floor(minutes / 60)} h ago`;
}
