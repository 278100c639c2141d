import type { FanOutFailure } from '../../../aws';
import { placeName, useListAccounts } from '../../common/accounts/listAccounts';
import { Alert } from '../../../ui/Alert';
import { buttonClass } from '../../../ui/buttons';
import { errorAdvice } from '../../common/errorAdvice';

/**
 * A region whose clusters could not be listed: the operation, region, AWS error code and message, what to do
 * about it, and a way to ask again (the other regions still show).
 */
export function RegionErrors({ errors }: { errors: readonly FanOutFailure[] }) {
  const accounts = useListAccounts();
  // With several accounts, "us-east-1 in workload (222233334444)": the same region may fail in one account only.
  return errors.map(({ region: code, account, error, stale, retry }) => {
    const region = placeName(code, account, accounts, true);
    return (
      <Alert
        key={`${account ?? ''}/${code}`}
        type="error"
        className="mb-2"
        header={`${error.info.title}: could not ${stale ? 'refresh' : 'load'} ${region}`}
        data-testid="region-error"
        action={
          // Named for its region: with two failed regions, two buttons called "Try again" are ambiguous.
          <button type="button" className={buttonClass.normal} onClick={() => void retry()} aria-label={`Try again: clusters in ${region}`}>
            Try again
          </button>
        }
      >
        <p>
          {error.info.operation} in {region} failed: <code className="break-all">{error.info.code}</code>: {error.info.message}
          {error.info.requestId && <span className="ml-1 text-xs">(request {error.info.requestId})</span>}
        </p>
        {stale && <p className="mt-1">The clusters shown for {region} are its last answer.</p>}
        <p className="mt-1">{errorAdvice(error.info)}</p>
      </Alert>
    );
  });
}
