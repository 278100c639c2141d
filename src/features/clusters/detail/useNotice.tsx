import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { createdClusterOf, CreatedClusterNotice } from './createdNotice';
import type { ShowNotice } from './notice';

interface Notice {
  clusterId: string;
  content: ReactNode;
  /** Each notice is new, even with the same text: focus moves again. */
  serial: number;
  /** Move focus to it once it is on the page. */
  focus: boolean;
}

/**
 * The last action's success line, for this cluster only (another cluster's page starts without one), and the
 * element to focus when the action asked for it.
 */
export function useNotice(
  clusterId: string,
  pageShown: boolean,
  account?: string,
): { notice: ReactNode; show: ShowNotice; ref: RefObject<HTMLDivElement | null> } {
  const location = useLocation();
  const navigate = useNavigate();
  const element = useRef<HTMLDivElement | null>(null);
  const serial = useRef(0);
  // The serial of the last notice that took focus (focus moves once per notice).
  const focused = useRef<number | null>(null);
  // The create form navigates here with what it created (router state): shown once, focused (the page
  // opened because of it), and the history entry's state cleared so a reload or coming back does not
  // announce it again.
  const [notice, setNotice] = useState<Notice | null>(() => {
    const created = createdClusterOf(location.state, clusterId);
    return created ? { clusterId, content: <CreatedClusterNotice created={created} account={account} />, serial: 0, focus: true } : null;
  });
  const hasCreatedState = createdClusterOf(location.state, clusterId) !== null;
  useEffect(() => {
    if (hasCreatedState)
      void navigate({ pathname: location.pathname, search: location.search, hash: location.hash }, { replace: true, state: null });
  }, [hasCreatedState, navigate, location.pathname, location.search, location.hash]);
  const current = notice?.clusterId === clusterId ? notice : null;
  const focusSerial = current?.focus ? current.serial : null;
  useEffect(() => {
    // Focus waits for the notice to be on the page (the created cluster's page may still be loading:
    // pageShown), and for a closing dialog to have put focus back on its opener: Radix does that in a timeout
    // it queues when the dialog unmounts, which is a render after this one; a timeout queued from a timeout
    // runs after it.
    if (focusSerial === null || focused.current === focusSerial) return;
    let inner: ReturnType<typeof setTimeout> | undefined;
    const outer = setTimeout(() => {
      inner = setTimeout(() => {
        if (!element.current) return;
        focused.current = focusSerial;
        element.current.focus();
      }, 0);
    }, 0);
    return () => {
      clearTimeout(outer);
      if (inner !== undefined) clearTimeout(inner);
    };
  }, [focusSerial, pageShown]);
  const show: ShowNotice = (content, options) => {
    serial.current += 1;
    setNotice({ clusterId, content, serial: serial.current, focus: options?.focus ?? false });
  };
  return { notice: current?.content ?? null, show, ref: element };
}
