/**
 * Which clients the hooks use and how fast they poll. The app needs no provider (the default talks to the
 * page's own origin); tests and other hosts wrap the tree in `<AwsProvider clients={...}>`.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { browserCloudHsmClients, type CloudHsmClients } from './clients';
import { DEFAULT_POLL_INTERVAL_MS } from './polling';

export interface AwsSettings {
  clients: CloudHsmClients;
  /** Poll period for data in a transitional state. */
  pollIntervalMs: number;
}

const AwsContext = createContext<AwsSettings | null>(null);

export function AwsProvider({
  clients,
  pollIntervalMs = DEFAULT_POLL_INTERVAL_MS,
  children,
}: {
  clients: CloudHsmClients;
  pollIntervalMs?: number;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ clients, pollIntervalMs }), [clients, pollIntervalMs]);
  return <AwsContext.Provider value={value}>{children}</AwsContext.Provider>;
}

let defaultSettings: AwsSettings | undefined;

export function useAwsSettings(): AwsSettings {
  const settings = useContext(AwsContext);
  if (settings) return settings;
  defaultSettings ??= { clients: browserCloudHsmClients(), pollIntervalMs: DEFAULT_POLL_INTERVAL_MS };
  return defaultSettings;
}
