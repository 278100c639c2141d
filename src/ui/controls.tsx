/**
 * Native form controls in the kit's look that wire themselves to the FormField around them (id, description,
 * invalid, required). Native on purpose: the browser gives keyboard use, autofill and mobile keyboards.
 */
import { forwardRef, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
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
