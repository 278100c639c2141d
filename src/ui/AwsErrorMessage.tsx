/**
 * A failed AWS call: what failed, the operation, region and AWS error code, the message and the request id to
 * quote. Drawn as the kit's error Alert (role=alert: it is the outcome of something the person did or waits for).
 */
import type { ReactNode } from 'react';
import { Alert } from './Alert';

/**
 * What this needs of a failed request. src/aws's AwsRequestError has this shape; the kit names the shape
 * instead of importing src/aws (the kit sits below the data layer).
 */
export interface RequestErrorLike {
  info: { title: string; operation: string; region: string; code: string; message: string; requestId?: string };
}

/** `advice`: what to do about it (the features know the error codes; the kit only draws it). */
export function AwsErrorMessage({ error, what, advice }: { error: RequestErrorLike; what?: string; advice?: ReactNode }) {
  const { info } = error;
  return (
    <Alert type="error" live data-testid="aws-error" className="mb-2" header={`${what ? `${what}: ` : ''}${info.title}`}>
      <p>
        {info.operation} in {info.region} failed: <span className="font-mono">{info.code}</span>: {info.message}
        {info.requestId && <span className="ml-1 text-xs opacity-75">(request {info.requestId})</span>}
      </p>
      {advice && <p className="mt-1">{advice}</p>}
    </Alert>
  );
}
