/**
 * Runs `checkInitializationCertificates` once both certificates are given, shortly after the person stops typing.
 * The result carries the inputs it was made for, so the page never trusts checks of text that has since changed.
 */
import { useEffect, useState } from 'react';
import { checkInitializationCertificates, type InitCheck } from './checkInitializationCertificates';

export interface ChecksInput {
  csrPem: string | undefined;
  signedCertPem: string;
  trustAnchorPem: string;
}

export type ChecksState =
  | { kind: 'waiting' } // one or both certificates missing
  | { kind: 'checking' }
  | { kind: 'done'; checks: InitCheck[] };

/** Pause after the last keystroke before checking (RSA signature checks are cheap, re-rendering the list is not free). */
const SETTLE_MS = 250;

const sameInput = (a: ChecksInput, b: ChecksInput) =>
  a.csrPem === b.csrPem && a.signedCertPem === b.signedCertPem && a.trustAnchorPem === b.trustAnchorPem;

export function useInitializationChecks(input: ChecksInput): ChecksState {
  const [result, setResult] = useState<{ for: ChecksInput; checks: InitCheck[] } | null>(null);
  const { csrPem, signedCertPem, trustAnchorPem } = input;
  const bothGiven = signedCertPem.trim() !== '' && trustAnchorPem.trim() !== '';

  useEffect(() => {
    if (!bothGiven) return;
    let live = true;
    const forInput = { csrPem, signedCertPem, trustAnchorPem };
    const timer = setTimeout(() => {
      void checkInitializationCertificates({ ...forInput, now: new Date() }).then((checks) => {
        if (live) setResult({ for: forInput, checks });
      });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bothGiven, csrPem, signedCertPem, trustAnchorPem]);

  if (!bothGiven) return { kind: 'waiting' };
  if (!result || !sameInput(result.for, input)) return { kind: 'checking' };
  return { kind: 'done', checks: result.checks };
}
