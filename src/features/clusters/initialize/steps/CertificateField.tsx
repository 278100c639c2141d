/**
 * One certificate input: upload a file (.crt/.pem/.cer) or paste into the text box. The box is tied to its own
 * check result (aria-describedby, aria-invalid), so the reason it is refused is read with it.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { inputClass } from '../../../../ui/buttons';
import { certificateFileText } from '../../../../pki';
import type { InitCheck } from '../checkInitializationCertificates';

export interface CertificateFieldProps {
  /** 'signed-cert' / 'trust-anchor': used in test ids. */
  name: string;
  label: string;
  hint: string;
  value: string;
  onChange: (text: string) => void;
  /** The check about this input's form, once made. */
  formatCheck: InitCheck | undefined;
  locked?: boolean;
}

export function CertificateField({ name, label, hint, value, onChange, formatCheck, locked = false }: CertificateFieldProps) {
  const id = useId();
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string } | null>(null);
  const invalid = formatCheck?.status === 'fail';

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // so choosing the same file again reads it again
    if (!file) return;
    const reading = certificateFileText(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!reading.ok) {
      setFileNote({ ok: false, text: reading.message });
      return;
    }
    setFileNote({ ok: true, text: `Read ${file.name}${reading.convertedFromDer ? ' (a binary DER certificate, shown as PEM)' : ''}.` });
    onChange(reading.text);
  };

  const describedBy = [`${id}-hint`, formatCheck ? `${id}-check` : null, fileNote ? `${id}-file` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="mb-4 rounded border border-slate-300 p-3 dark:border-slate-700" data-testid={`init-field-${name}`}>
      <legend className="px-1 font-medium">{label}</legend>
      <p id={`${id}-hint`} className="mb-2 text-sm text-slate-700 dark:text-slate-300">
        {hint}
      </p>
      <div className="mb-2 flex flex-col gap-1">
        <label htmlFor={`${id}-file-input`} className="text-sm">
          Upload a file (.crt, .pem or .cer)
        </label>
        <input
          id={`${id}-file-input`}
          type="file"
          accept=".crt,.pem,.cer,application/x-x509-ca-cert,application/x-pem-file"
          onChange={(e) => void readFile(e)}
          disabled={locked}
          className="text-sm"
          data-testid={`init-file-${name}`}
        />
        {fileNote && (
          <p
            id={`${id}-file`}
            role={fileNote.ok ? 'status' : 'alert'}
            className={`text-sm ${fileNote.ok ? '' : 'text-red-800 dark:text-red-300'}`}
          >
            {fileNote.text}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-text`} className="text-sm">
          …or paste it (PEM, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----)
        </label>
        <textarea
          id={`${id}-text`}
          value={value}
          onChange={(e) => {
            setFileNote(null);
            onChange(e.target.value);
          }}
          readOnly={locked}
          rows={6}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={`${inputClass} font-mono text-xs`}
          data-testid={`init-text-${name}`}
        />
        {formatCheck && (
          <p
            id={`${id}-check`}
            className={`text-sm ${invalid ? 'text-red-800 dark:text-red-300' : 'text-slate-700 dark:text-slate-300'}`}
            data-testid={`init-field-check-${name}`}
          >
            <span aria-hidden="true">{invalid ? '✕ ' : formatCheck.status === 'pass' ? '✓ ' : ''}</span>
            {formatCheck.detail}
          </p>
        )}
      </div>
    </fieldset>
  );
}
