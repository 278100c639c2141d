/**
 * Native form controls in the kit's look that wire themselves to the FormField around them (id, description,
 * invalid, required). Native on purpose: the browser gives keyboard use, autofill and mobile keyboards.
 */
import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { inputClass } from './buttons';
import { useFormFieldControl } from './FormField';

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input({ className = '', ...rest }, ref) {
  const field = useFormFieldControl(rest);
  return <input ref={ref} {...rest} {...field} className={`${inputClass} max-w-full ${className}`} />;
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function Select(
  { className = '', ...rest },
  ref,
) {
  const field = useFormFieldControl(rest);
  return <select ref={ref} {...rest} {...field} className={`${inputClass} max-w-full ${className}`} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function Textarea(
  { className = '', ...rest },
  ref,
) {
  const field = useFormFieldControl(rest);
  return <textarea ref={ref} {...rest} {...field} className={`${inputClass} w-full ${className}`} />;
});

export interface OptionsProps<T> {
  items: readonly T[];
  /** The option's value (and key); the item itself, as text, when absent. */
  value?: (item: T) => string;
  /** What the option says; its value when absent. */
  label?: (item: T) => ReactNode;
}

/** A Select's options from a list, one `<option>` an item. */
export function Options<T>({ items, value = String, label }: OptionsProps<T>) {
  return (
    <>
      {items.map((item) => {
        const v = value(item);
        return (
          <option key={v} value={v}>
            {label ? label(item) : v}
          </option>
        );
      })}
    </>
  );
}
