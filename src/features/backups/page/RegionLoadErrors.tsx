/**
 * A region the page could not read: what could not be loaded, the operation, region and AWS error code with
 * AWS's message and the request id to quote, what to do about it, and Try again (which asks that region
 * again; the other regions keep showing).
 */
import { useShownAccounts, type FanOutFailure } from '../../../aws';
import { Alert, Button } from '../../../ui';
import { placeName } from '../../common/accounts/listAccounts';
import { errorAdvice } from '../../common/errorAdvice';

export interface RegionLoadErrorsProps {
  errors: readonly FanOutFailure[];
  /** What was being loaded, for the header: "backups", "cluster names and retention". */
  what: string;
  onRetry: (region: string) => void;
  /** Regions being asked again now. */
  retrying?: boolean;
}

export function RegionLoadErrors({ errors, what, onRetry, retrying = false }: RegionLoadErrorsProps) {
  const accounts = useShownAccounts();
  return errors.map(({ region: code, account, error, retry }) => {
    const { info } = error;
    // With several accounts, "us-east-1 in workload (222233334444)": a region may fail in one account only.
    const region = placeName(code, account, accounts, true);
    return (
      <Alert
        key={`${account ?? ''}/${code}`}
        type="error"
        live
        className="mb-2"
        data-testid="aws-error"
        data-region={code}
        header={`${info.title}: could not load the ${what} in ${region}`}
        action={
          <Button
            size="sm"
            // Another account's part asks again itself: the page's retry knows regions of the base account only.
            onClick={() => (account ? void retry() : onRetry(code))}
            loading={retrying}
            loadingText="Trying again…"
            aria-label={`Try again: ${what} in ${region}`}
          >
            Try again
          </Button>
        }
      >
        <p>
          {info.operation} in {region} failed: <code className="break-all">{info.code}</code>: {info.message}
          {info.requestId && <span className="ml-1 text-xs opacity-75">(request {info.requestId})</span>}
        </p>
        <p className="mt-1">{errorAdvice(info)}</p>
      </Alert>
    );
  });
}
