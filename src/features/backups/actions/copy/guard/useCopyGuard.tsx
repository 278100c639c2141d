/**
 * A copy's guardrails for one backup: `guard(destination)` looks up what it needs (copyFacts), asks in a dialog
 * when the copy is the cluster's first to that region or a residency tag keeps it out, and resolves true when
 * the copy may go (nothing to ask, or the person confirmed), false when they cancelled. Render `dialog`.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useAwsSettings, useSessionQuery } from '../../../../../aws';
import { DEFAULT_RESIDENCY_TAG_KEY } from '../../../../../cloudhsm/residency';
import { promptFor, type CopyPrompt, type CopySource } from './copyChecks';
import { fetchCopyFacts } from './copyFacts';
import { CopyGuardDialog } from './CopyGuardDialog';

export interface CopyGuard {
  guard: (destination: string) => Promise<boolean>;
  /** The look-ups are running. */
  checking: boolean;
  dialog: ReactNode;
}

/** The residency tag key the server was started with (--residency-tag-key). */
export function useResidencyTagKey(): string {
  return useSessionQuery().data?.residencyTagKey ?? DEFAULT_RESIDENCY_TAG_KEY;
}

export function useCopyGuard(source: CopySource): CopyGuard {
  const queryClient = useQueryClient();
  const settings = useAwsSettings();
  const tagKey = useResidencyTagKey();
  const [checking, setChecking] = useState(false);
  const [asking, setAsking] = useState<{ prompt: CopyPrompt; resolve: (go: boolean) => void } | null>(null);

  const guard = async (destination: string): Promise<boolean> => {
    setChecking(true);
    let prompt: CopyPrompt | null;
    try {
      prompt = promptFor(await fetchCopyFacts(queryClient, settings, source, destination, tagKey));
    } finally {
      setChecking(false);
    }
    if (!prompt) return true;
    const asked = prompt;
    return new Promise<boolean>((resolve) => setAsking({ prompt: asked, resolve }));
  };

  const dialog = asking ? (
    <CopyGuardDialog
      prompts={[asking.prompt]}
      destination={asking.prompt.facts.destination}
      onAnswer={({ go, override }) => {
        setAsking(null);
        asking.resolve(go && (override || !asking.prompt.needsOverride));
      }}
    />
  ) : null;
  return { guard, checking, dialog };
}
