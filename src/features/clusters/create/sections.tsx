/** What every section of the create form gets from the page, and how a field's error is drawn. */
import type { CreateClusterForm } from './useCreateClusterForm';
import type { FormField } from './validateCreateClusterForm';

export interface SectionProps {
  form: CreateClusterForm;
  /** Each field's control id (the error summary and a failed submit focus them). */
  ids: Record<FormField, string>;
  /** While the request is on its way. */
  disabled: boolean;
  /** Speak a field's error when it appears; off once the error summary speaks for the whole form. */
  announceError: boolean;
}

/** A field's error, for a FormField's `errorText`, with the test id the journeys read (or nothing). */
export function fieldError(form: CreateClusterForm, field: FormField) {
  const message = form.shown(field);
  return message ? <span data-testid={`field-error-${field}`}>{message}</span> : undefined;
}
