/** The detail page's tabs, kept in the URL as `?tab=`. */
export const DETAIL_TABS = ['overview', 'hsms', 'certificates', 'tags', 'backups'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export const TAB_PARAM = 'tab';
export const DEFAULT_TAB: DetailTab = 'overview';

export const TAB_LABELS: Record<DetailTab, string> = {
  overview: 'Overview',
  hsms: 'HSMs',
  certificates: 'Certificates',
  tags: 'Tags',
  backups: 'Backups',
};

/** The tab a `?tab=` value names; anything missing or unknown is the overview. */
export function parseTab(value: string | null | undefined): DetailTab {
  const normalized = (value ?? '').trim().toLowerCase();
  return (DETAIL_TABS as readonly string[]).includes(normalized) ? (normalized as DetailTab) : DEFAULT_TAB;
}

/**
 * The tab a key press in the tablist moves to (WAI-ARIA tabs pattern: arrows wrap, Home and End jump),
 * or null when the key is not a tab-navigation key.
 */
export function tabForKey(current: DetailTab, key: string): DetailTab | null {
  const index = DETAIL_TABS.indexOf(current);
  const count = DETAIL_TABS.length;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return DETAIL_TABS[(index + 1) % count]!;
    case 'ArrowLeft':
    case 'ArrowUp':
      return DETAIL_TABS[(index - 1 + count) % count]!;
    case 'Home':
      return DETAIL_TABS[0];
    case 'End':
      return DETAIL_TABS[count - 1]!;
    default:
      return null;
  }
}

/** The search string with `tab` set (the default tab drops the parameter), keeping every other parameter. */
export function withTab(search: URLSearchParams, tab: DetailTab): URLSearchParams {
  const next = new URLSearchParams(search);
  if (tab === DEFAULT_TAB) next.delete(TAB_PARAM);
  else next.set(TAB_PARAM, tab);
  return next;
}
