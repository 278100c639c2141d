import { Input } from '../../../ui';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from './retention';

/** The backup retention period's field (inside a FormField): whole days within the limits AWS accepts. */
export function RetentionDaysInput(props: {
  value: string;
  onChange: (days: string) => void;
  disabled: boolean;
  /** More text that says what the number means (the field's own help comes from its FormField). */
  describedBy?: string | undefined;
}) {
  return (
    <Input
      className="w-32"
      type="number"
      min={MIN_RETENTION_DAYS}
      max={MAX_RETENTION_DAYS}
      step={1}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value)}
      aria-describedby={props.describedBy}
    />
  );
}
