/**
 * One labelled form control with its words: description (above), constraint, and an error or a warning
 * (below; the error wins). FormField owns the ids and hands them to its control through context, so a control
 * (the kit's Input/Select/Textarea, or any element spread with `useFormFieldControl()`) is labelled, described
 * by the messages that are showing, and marked invalid, without the view wiring ids by hand.
 *
 * Announcing errors: the error slot sits in an assertive live region that is always in the page (a live
 * region added together with its text is not reliably read), so an error is spoken once when it appears,
 * and again as the control's description when someone goes back to it. Not role="alert" as well: that would
 * read it twice. A page whose error summary takes focus on submit passes `announceError={false}`, so the
 * summary is the one thing said.
 */
import { createContext, useContext, useId, type AriaAttributes, type ReactNode } from 'react';
import { StatusIcon } from './icons';
import { present } from './present';

export interface FieldMessagesProps {
  /** The field's id; messages get `${id}-error`, `${id}-warning`, `${id}-constraint`. */
  id: string;
  errorText?: ReactNode;
  warningText?: ReactNode;
  constraintText?: ReactNode;
  announceError?: boolean;
}

/** The ids a control is described by, in reading order: the problem first, then the help. */
export function describedByIds(
  id: string,
  parts: { errorText?: ReactNode; warningText?: ReactNode; description?: ReactNode; constraintText?: ReactNode },
) {
  const error = present(parts.errorText);
  return (
    [
      error ? `${id}-error` : undefined,
      !error && present(parts.warningText) ? `${id}-warning` : undefined,
      present(parts.description) ? `${id}-description` : undefined,
      present(parts.constraintText) ? `${id}-constraint` : undefined,
    ]
      .filter(Boolean)
      .join(' ') || undefined
  );
}

/** The messages under a control (shared by FormField and RadioGroupField). */
export function FieldMessages({ id, errorText, warningText, constraintText, announceError = true }: FieldMessagesProps) {
  const error = present(errorText);
  return (
    <>
      <div aria-live={announceError ? 'assertive' : undefined}>
        {error && (
          <p id={`${id}-error`} className="flex items-baseline gap-1 text-sm text-red-700 dark:text-red-300" data-slot="error">
            <StatusIcon name="error" className="translate-y-[0.125em]" />
            <span>{errorText}</span>
          </p>
        )}
      </div>
      {!error && present(warningText) && (
        <p id={`${id}-warning`} className="flex items-baseline gap-1 text-sm text-amber-800 dark:text-amber-300" data-slot="warning">
          <StatusIcon name="warning" className="translate-y-[0.125em]" />
          <span>{warningText}</span>
        </p>
      )}
      {present(constraintText) && (
        <p id={`${id}-constraint`} className="text-xs text-slate-600 dark:text-slate-400" data-slot="constraint">
          {constraintText}
        </p>
      )}
    </>
  );
}

/** Marks a field as required in sight; assistive tech hears "required" from aria-required on the control. */
export function RequiredMark() {
  return (
    <span aria-hidden="true" className="ml-1 text-xs font-normal text-slate-600 dark:text-slate-400">
      (required)
    </span>
  );
}

interface FieldContextValue {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
}

const FieldContext = createContext<FieldContextValue | null>(null);

/** What a control spreads on itself to belong to the FormField around it. */
export interface FormFieldControlProps {
  id: string | undefined;
  'aria-describedby': string | undefined;
  'aria-invalid': AriaAttributes['aria-invalid'];
  /**
   * aria-required rather than the native `required`: the native one makes the browser block the submit with
   * its own bubble, while our forms validate themselves and show the error in the field's error slot.
   */
  'aria-required': AriaAttributes['aria-required'];
}

/** A control's own values, kept when there is no FormField (or it says nothing). */
type OwnControlProps = Partial<Pick<FormFieldControlProps, 'aria-invalid' | 'aria-required'>> & {
  id?: string;
  'aria-describedby'?: string;
};

/**
 * The props that wire a control to its FormField (id, description, invalid, required). Outside a FormField it
 * returns the control's own values, so a kit control works alone too. `own` ids are kept and come last.
 */
export function useFormFieldControl(own: OwnControlProps = {}): FormFieldControlProps {
  const field = useContext(FieldContext);
  const describedBy = [field?.describedBy, own['aria-describedby']].filter(Boolean).join(' ') || undefined;
  return {
    id: field?.id ?? own.id,
    'aria-describedby': describedBy,
    'aria-invalid': field?.invalid ? true : own['aria-invalid'],
    'aria-required': field?.required ? true : own['aria-required'],
  };
}

export interface FormFieldProps {
  label: ReactNode;
  /** The control: a kit Input/Select/Textarea, or an element spread with `useFormFieldControl()`. */
  children: ReactNode;
  /** Help above the control: what to enter, why. */
  description?: ReactNode;
  /** Rules below the control ("1 to 64 characters"). */
  constraintText?: ReactNode;
  /** What is wrong with the value; wins over `warningText`. */
  errorText?: ReactNode;
  /** Allowed but worth a second look ("Retention under 30 days"). */
  warningText?: ReactNode;
  /** Beside the label, e.g. a "Learn more" link. */
  info?: ReactNode;
  /** Beside the control, e.g. a "Generate" button. */
  secondaryControl?: ReactNode;
  /** The control's id; generated when absent. */
  controlId?: string;
  required?: boolean;
  /** Speak the error when it appears (default). Off when an error summary already takes focus. */
  announceError?: boolean;
  className?: string;
  'data-testid'?: string;
}

export function FormField(props: FormFieldProps) {
  // The messages (error, warning, constraint) go to FieldMessages as they are.
  const { label, children, description, errorText, info, secondaryControl, controlId, required = false, className = '' } = props;
  const generated = useId();
  const id = controlId ?? generated;
  const value: FieldContextValue = { id, describedBy: describedByIds(id, props), invalid: present(errorText), required };
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`} data-testid={props['data-testid']}>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <label id={`${id}-label`} htmlFor={id} className="text-sm font-medium">
          {label}
          {required && <RequiredMark />}
        </label>
        {info}
      </div>
      {present(description) && (
        <p id={`${id}-description`} className="text-sm text-slate-600 dark:text-slate-300" data-slot="description">
          {description}
        </p>
      )}
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1">
          <FieldContext.Provider value={value}>{children}</FieldContext.Provider>
        </div>
        {secondaryControl}
      </div>
      <FieldMessages {...props} id={id} />
    </div>
  );
}
