import type { AwsRequestError } from '../aws';

/** A failed AWS call: what failed, the operation, region and AWS error code, the message and the request id to quote. */
export function AwsErrorMessage({ error, what }: { error: AwsRequestError; what?: string }) {
  const { info } = error;
  return (
    <div role="alert" data-testid="aws-error" className="mb-2 rounded border border-red-300 bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200">
      <p className="font-medium">
        {what ? `${what}: ` : ''}
        {info.title}
      </p>
      <p>
        {info.operation} in {info.region} failed: <span className="font-mono">{info.code}</span>: {info.message}
        {info.requestId && <span className="ml-1 text-xs opacity-75">(request {info.requestId})</span>}
      </p>
    </div>
  );
}
