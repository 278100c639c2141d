/** Step 3: how to sign the CSR with your own CA, with the OpenSSL commands AWS documents and a copy button. */
import { useState } from 'react';
import { buttonClass } from '../../../../ui/buttons';
import { csrFileName, signedCertFileName, signingCommands } from '../flow';

const AWS_DOC = 'https://docs.aws.amazon.com/cloudhsm/latest/userguide/initialize-cluster.html';

export function SignStep({ clusterId }: { clusterId: string }) {
  const commands = signingCommands(clusterId);
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('the clipboard is not available here');
      await navigator.clipboard.writeText(commands);
      setCopied('The commands were copied to the clipboard.');
    } catch (err) {
      setCopied(`Could not copy: ${err instanceof Error ? err.message : String(err)}. Select the text instead.`);
    }
  };
  return (
    <div className="space-y-2 text-sm">
      <p>
        Sign <span className="font-mono">{csrFileName(clusterId)}</span> with your own certificate authority (CA), on a machine you trust,
        outside this dashboard. With OpenSSL, as in the{' '}
        <a href={AWS_DOC} className="underline" target="_blank" rel="noreferrer">
          AWS CloudHSM guide
        </a>
        :
      </p>
      {/* eslint-disable jsx-a11y/no-noninteractive-tabindex -- a scrolling <pre> must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <pre
        className="overflow-x-auto rounded bg-slate-100 p-3 font-mono text-xs dark:bg-slate-900"
        data-testid="init-signing-commands"
        tabIndex={0}
        aria-label="OpenSSL commands"
      >
        {commands}
      </pre>
      {/* eslint-enable jsx-a11y/no-noninteractive-tabindex */}
      <div className="flex items-center gap-2">
        <button type="button" className={buttonClass.secondary} onClick={() => void copy()}>
          Copy the commands
        </button>
        <span role="status" className="text-xs">
          {copied}
        </span>
      </div>
      <p>
        You then have <span className="font-mono">{signedCertFileName(clusterId)}</span> (the signed cluster certificate) and{' '}
        <span className="font-mono">customerCA.crt</span> (the trust anchor). Keep <span className="font-mono">customerCA.key</span> secret:
        it never goes to AWS. The trust anchor must be a self-signed root with an RSA 2048 or 4096 key, and it must sign the cluster
        certificate directly (no intermediate CA).
      </p>
    </div>
  );
}
