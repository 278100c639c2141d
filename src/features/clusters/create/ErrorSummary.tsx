/** After a refused submit: every problem, each a button that goes to its field (nothing was sent). */
import { Alert, buttonClass } from '../../../ui';
import { FORM_FIELDS, type FormField } from './validateCreateClusterForm';

const FIELD_LABELS: Record<FormField, string> = {
  region: 'Region',
  vpc: 'VPC',
  subnets: 'Subnets',
  hsmType: 'HSM type',
  mode: 'Mode',
  networkType: 'Network type',
  sourceBackup: 'Source backup',
  retention: 'Backup retention',
  tags: 'Tags',
};

export function ErrorSummary({ errors, onGoTo }: { errors: Partial<Record<FormField, string>>; onGoTo: (field: FormField) => void }) {
  const fields = FORM_FIELDS.filter((f) => errors[f]);
  if (fields.length === 0) return null;
  return (
    <Alert
      type="error"
      className="mb-4"
      data-testid="error-summary"
      header={`Fix ${fields.length === 1 ? 'this problem' : `these ${fields.length} problems`} before creating the cluster (nothing was sent):`}
    >
      <ul className="mt-1 list-disc pl-5">
        {fields.map((field) => (
          <li key={field}>
            <button type="button" className={`${buttonClass.link} text-left`} onClick={() => onGoTo(field)}>
              {FIELD_LABELS[field]}: {errors[field]}
            </button>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
