/**
 * The backups page's state in the URL: list filters (`region`, `account`, `cluster`, `state`, comma-separated; `never`
 * = `yes` | `no`; `source` = a source backup id, or `any` for every copy), the list order (`order` = `asc` |
 * `desc`, default `desc`: newest first), the timeline's zoom (`zoom`, default `30d`), its pan (`end`, the
 * window's end as an ISO instant; absent = up to now) and the selected backup (`sel` = `region/backupId`).
 * Defaults leave no parameter; other parameters (the shell's `regions`) are kept.
 */
import { ZOOM_LEVELS, type ZoomLevel } from './timeline';
import { parseListParam } from '../../ui/urlParams';

export type NeverExpiresFilter = 'yes' | 'no' | null;
export type SortOrder = 'asc' | 'desc';

export interface BackupListFilters {
  region: string[];
  /** Owner account ids (several accounts only; issue 15). */
  account: string[];
  cluster: string[];
  state: string[];
  neverExpires: NeverExpiresFilter;
  /** A source backup id (copies of it, and it), `any` (every copy), or '' (no filter). */
  source: string;
}

export interface BackupPageParams {
  filters: BackupListFilters;
  order: SortOrder;
  zoom: ZoomLevel;
  /** The end of a panned window, or null for the zoom's default window. */
  end: Date | null;
  /** `${region}/${backupId}` of the selected backup, or null. */
  selected: string | null;
}

export const DEFAULT_ZOOM: ZoomLevel = '30d';
export const DEFAULT_ORDER: SortOrder = 'desc';
export const EMPTY_BACKUP_FILTERS: BackupListFilters = { region: [], account: [], cluster: [], state: [], neverExpires: null, source: '' };
export const DEFAULT_PAGE_PARAMS: BackupPageParams = {
  filters: EMPTY_BACKUP_FILTERS,
  order: DEFAULT_ORDER,
  zoom: DEFAULT_ZOOM,
  end: null,
  selected: null,
};

export const BACKUP_PARAM_NAMES = ['region', 'account', 'cluster', 'state', 'never', 'source', 'order', 'zoom', 'end', 'sel'] as const;
export const BACKUP_STATES = ['CREATE_IN_PROGRESS', 'READY', 'PENDING_DELETION', 'DELETED'] as const;

const list = parseListParam;

const SELECTED_PATTERN = /^[a-z0-9-]+\/[A-Za-z0-9-]+$/;

export function parseBackupParams(params: URLSearchParams): BackupPageParams {
  const never = params.get('never');
  const order = params.get('order');
  const zoom = params.get('zoom');
  const endText = params.get('end');
  const end = endText ? new Date(endText) : null;
  const sel = params.get('sel');
  return {
    filters: {
      region: list(params.get('region')),
      account: list(params.get('account')),
      cluster: list(params.get('cluster')),
      state: list(params.get('state')).map((s) => s.toUpperCase()),
      neverExpires: never === 'yes' || never === 'no' ? never : null,
      source: params.get('source')?.trim() ?? '',
    },
    order: order === 'asc' || order === 'desc' ? order : DEFAULT_ORDER,
    zoom: (ZOOM_LEVELS as readonly string[]).includes(zoom ?? '') ? (zoom as ZoomLevel) : DEFAULT_ZOOM,
    end: end && Number.isFinite(end.getTime()) ? end : null,
    selected: sel && SELECTED_PATTERN.test(sel) ? sel : null,
  };
}

/** The page's parameters written over `base` (a copy; its other parameters are kept). */
export function toBackupParams(input: BackupPageParams, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const name of BACKUP_PARAM_NAMES) out.delete(name);
  const f = { ...EMPTY_BACKUP_FILTERS, ...input.filters };
  if (f.region.length > 0) out.set('region', f.region.join(','));
  if (f.account.length > 0) out.set('account', f.account.join(','));
  if (f.cluster.length > 0) out.set('cluster', f.cluster.join(','));
  if (f.state.length > 0) out.set('state', f.state.join(','));
  if (f.neverExpires) out.set('never', f.neverExpires);
  if (f.source.trim()) out.set('source', f.source.trim());
  if (input.order !== DEFAULT_ORDER) out.set('order', input.order);
  if (input.zoom !== DEFAULT_ZOOM) out.set('zoom', input.zoom);
  if (input.end && Number.isFinite(input.end.getTime())) out.set('end', input.end.toISOString());
  if (input.selected) out.set('sel', input.selected);
  return out;
}

/** Whether any list filter is set. */
export const hasFilters = (f: BackupListFilters): boolean =>
  f.region.length > 0 ||
  f.account.length > 0 ||
  f.cluster.length > 0 ||
  f.state.length > 0 ||
  f.neverExpires !== null ||
  f.source.trim() !== '';
