import type { FanOutFailure } from '../../../aws';
import { Alert } from '../../../ui/Alert';
import { buttonClass } from '../../../ui/buttons';
import { errorAdvice } from '../../common/errorAdvice';

/**
 * A region whose clusters could not be listed: the operation, region, AWS error code and message, what to do
 * about it, and a way to ask again (the other regions still show).
 */
export function RegionErrors({ errors, onRetry }: { errors: readonly FanOutFailure[]; onRetry: () => void }) {
  return errors.map(({ region, error }) => (
    <Alert
      key={region}
      type="error"
      className="mb-2"
      header={`${error.info.title}: could not load ${region}`}
      data-testid="region-error"
      action={
        <button type="button" className={buttonClass.normal} onClick={onRetry}>
          Try again
        </button>
      }
    >
      <p>
        {error.info.operation} in {region} failed: <code className="break-all">{error.info.code}</code>: {error.info.message}
        {error.info.requestId && <span className="ml-1 text-xs">(request {error.info.requestId})</span>}
      </p>
      <p className="mt-1">{errorAdvice(error.info)}</p>
    </Alert>
  ));
}
