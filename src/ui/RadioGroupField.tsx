/**
 * A choice of one among a few, as real radio buttons in a fieldset: the browser gives the keyboard model
 * (Tab into the group, arrows move and select, disabled options are skipped) with no script of ours. The
 * legend names the group; description, constraint and error/warning are wired as in FormField.
 *
 * An option that cannot be chosen says why in words under it (its reason is also its description): a
 * greyed-out option with no reason leaves a person guessing.
 */
import { useId, type ReactNode } from 'react';
import { describedByIds, FieldMessages, RequiredMark } from './FormField';
import { present } from './present';

export interface RadioOption<V extends string = string> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
  /** Why it cannot be chosen now (shown under it; implies disabled). */
  disabledReason?: string | null;
}

export interface RadioGroupFieldProps<V extends string = string> {
  /** The question (the fieldset's legend). */
  label: ReactNode;
  options: readonly RadioOption<V>[];
  /** The chosen value; null or a value not in `options` when none is chosen. */
  value: V | null;
  onChange: (value: V) => void;
  /** The radios' form name; generated when absent. */
  name?: string;
  description?: ReactNode;
  constraintText?: ReactNode;
  errorText?: ReactNode;
  warningText?: ReactNode;
  required?: boolean;
  announceError?: boolean;
  /** Side by side (wrapping on narrow screens) instead of one under the other. */
  horizontal?: boolean;
  className?: string;
  'data-testid'?: string;
}

export function RadioGroupField<V extends string = string>(props: RadioGroupFieldProps<V>) {
  const { label, options, value, onChange, name, description, errorText, required = false, horizontal = false } = props;
  const id = useId();
  const groupName = name ?? `${id}-radio`;
  return (
    // role=radiogroup (not the fieldset's implicit group) so aria-invalid and aria-required are valid here.
    <fieldset
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedByIds(id, props)}
      aria-invalid={present(errorText) || undefined}
      aria-required={required || undefined}
      className={`flex min-w-0 flex-col gap-1 ${props.className ?? ''}`}
      data-testid={props['data-testid']}
    >
      <legend id={`${id}-label`} className="text-sm font-medium">
        {label}
        {required && <RequiredMark />}
      </legend>
      {present(description) && (
        <p id={`${id}-description`} className="text-sm text-slate-600 dark:text-slate-300">
          {description}
        </p>
      )}
      <div className={horizontal ? 'flex flex-wrap gap-x-6 gap-y-2' : 'flex flex-col gap-2'}>
        {options.map((option, index) => {
          const optionId = `${id}-option-${index}`;
          const reason = option.disabledReason || null;
          const off = option.disabled === true || reason !== null;
          const hasDescription = present(option.description);
          const describedBy =
            [hasDescription ? `${optionId}-description` : undefined, reason ? `${optionId}-reason` : undefined].filter(Boolean).join(' ') ||
            undefined;
          return (
            <div key={option.value} className="flex items-start gap-2">
              <input
                type="radio"
                id={optionId}
                name={groupName}
                value={option.value}
                checked={value === option.value}
                disabled={off}
                onChange={() => onChange(option.value)}
                aria-describedby={describedBy}
                className="mt-1 size-4 shrink-0 accent-blue-700 disabled:cursor-not-allowed dark:accent-blue-400"
              />
              <div className="min-w-0">
                <label htmlFor={optionId} className={`text-sm ${off ? 'cursor-not-allowed text-slate-500 dark:text-slate-400' : ''}`}>
                  {option.label}
                </label>
                {hasDescription && (
                  <p id={`${optionId}-description`} className="text-xs text-slate-600 dark:text-slate-400">
                    {option.description}
                  </p>
                )}
                {reason && (
                  <p id={`${optionId}-reason`} className="text-xs text-slate-600 dark:text-slate-400" data-testid="disabled-reason">
                    {reason}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <FieldMessages {...props} id={id} />
    </fieldset>
  );
}
