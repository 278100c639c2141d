/**
 * Native form controls in the kit's look that wire themselves to the FormField around them (id, description,
 * invalid, required). Native on purpose: the browser gives keyboard use, autofill and mobile keyboards. Also the
 * sortable column header both tables use.
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

export interface SortableHeaderProps {
  children: ReactNode;
  /** This column sorts the table now, and which way; null when another column (or none) does. */
  direction: 'asc' | 'desc' | null;
  onSort: () => void;
  className?: string;
  'data-testid'?: string;
}

/** A column header that sorts its table: `aria-sort` on the cell, a button inside, the direction in a glyph. */
export function SortableHeader({ children, direction, onSort, className = '', 'data-testid': testId }: SortableHeaderProps) {
  return (
    <th scope="col" aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'} className={className}>
      <button
        type="button"
        className="inline-flex items-center gap-1 rounded hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400"
        onClick={onSort}
        data-testid={testId}
      >
        {children}
        <span aria-hidden="true" className="w-3 text-xs">
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
