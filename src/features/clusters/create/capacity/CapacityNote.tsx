/**
 * Usage against the account's CloudHSM quotas in a region, for the create-cluster form and "Add HSM": the
 * counts in words, where the limits come from, and at a limit what AWS will most likely do and how to raise
 * it. It never blocks the submit: the service decides, and its refusal is shown like any other.
 */
import { useId } from 'react';
import { useRegionCapacity } from '../../../../aws/queries/quotas';
import { capacityFor, type Capacity } from '../../../../cloudhsm/capacity';
import { Alert, StatusIndicator } from '../../../../ui';

export interface CapacityNoteProps {
  region: string;
  adding: 'cluster' | 'hsm';
  /** For 'hsm': the HSMs the cluster holds now. */
  clusterHsms?: number;
  account?: string;
}

function RaiseLimit({ raise }: { raise: NonNullable<Capacity['raise']> }) {
  return (
    <div className="mt-1 flex flex-col gap-1" data-testid="capacity-raise">
      <p>
        To raise the “{raise.quota}” quota, request an increase in the{' '}
        <a href={raise.consoleUrl} className="underline" target="_blank" rel="noreferrer">
          Service Quotas console
        </a>{' '}
        or with the AWS CLI (the first command lists CloudHSM’s quotas with their codes):
      </p>
      <pre className="rounded bg-slate-100 p-2 text-xs break-words whitespace-pre-wrap dark:bg-slate-900">
        <code>{raise.cli.join('\n')}</code>
      </pre>
      {raise.emulatorFlag && (
        <p>
          In the emulator, start it with <code className="font-mono">{raise.emulatorFlag}</code>.
        </p>
      )}
    </div>
  );
}

export function CapacityNote({ region, adding, clusterHsms, account }: CapacityNoteProps) {
  const headingId = useId();
  const data = useRegionCapacity(region, account);
  if (region === '') return null;
  let body;
  if (data.error) {
    body = (
      <StatusIndicator icon="info" className="text-sm font-normal">
        Capacity unknown: {data.error.info.message}
      </StatusIndicator>
    );
  } else if (data.isPending || !data.quota || !data.usage) {
    body = (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
        Reading quotas…
      </p>
    );
  } else {
    const capacity = capacityFor({
      region,
      quota: data.quota,
      usage: data.usage,
      adding,
      ...(clusterHsms !== undefined && { clusterHsms }),
    });
    body = (
      <>
        <ul className="flex flex-col gap-0.5 text-sm" data-testid="capacity-lines">
          {capacity.lines.map((line) => (
            <li key={line.id} data-full={line.full || undefined}>
              {line.full ? (
                <StatusIndicator icon="warning" className="font-normal">
                  {line.text} (at the limit)
                </StatusIndicator>
              ) : (
                line.text
              )}
            </li>
          ))}
        </ul>
        <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="capacity-source">
          {capacity.source}
        </p>
        {capacity.warning && (
          <Alert type="warning" header="Likely to be refused" data-testid="capacity-warning">
            <p>{capacity.warning}</p>
            {capacity.raise && <RaiseLimit raise={capacity.raise} />}
          </Alert>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-1" data-testid="capacity">
      <h3 id={headingId} className="text-sm font-medium">
        Capacity
      </h3>
      {body}
    </section>
  );
}
