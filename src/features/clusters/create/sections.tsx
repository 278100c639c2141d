/** What every section of the create form gets from the page, and how a field's error is drawn. */
import { RadioGroupField, type RadioGroupFieldProps } from '../../../ui';
import type { CreateClusterFormValues } from './formValues';
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

/** The form's radio questions: each is a value, a field with its own error and id. */
type RadioField = 'hsmType' | 'mode' | 'networkType';

export type FormRadioFieldProps<K extends RadioField> = Omit<
  RadioGroupFieldProps<CreateClusterFormValues[K]>,
  'value' | 'onChange' | 'errorText' | 'announceError'
> & { section: SectionProps; field: K };

/**
 * A radio question wired to the form: its value, a choice changes and touches the field, its error. The wrapper
 * carries the field's id: a failed submit or the error summary focuses the chosen radio inside.
 */
export function FormRadioField<K extends RadioField>({ section, field, ...rest }: FormRadioFieldProps<K>) {
  const { form, ids, announceError } = section;
  const onChange = (value: CreateClusterFormValues[K]) => {
    form.change({ [field]: value } as Pick<CreateClusterFormValues, K>);
    form.touch(field);
  };
  return (
    <div id={ids[field]}>
      <RadioGroupField<CreateClusterFormValues[K]>
        {...rest}
        value={form.values[field]}
        onChange={onChange}
        errorText={fieldError(form, field)}
        announceError={announceError}
      />
    </div>
  );
}
