/**
 * The design kit: presentation pieces with no feature knowledge (it may read the status model in
 * src/cloudhsm, nothing else of the project). Import from here in views. The read-only aware action
 * controls (ActionButton, ConfirmDialog, Dialog) live in ./actions. README.md says which piece to use when.
 */
export { StatusIndicator, StatusSpecIndicator, ResourceStatus } from './StatusIndicator';
export type { StatusIndicatorProps, StatusSpecIndicatorProps, ResourceStatusProps, StatusLike } from './StatusIndicator';
export { StatusIcon, CloseIcon, ICON_WORDS, type IconProps, type StatusIconName } from './icons';
export { TONE_TEXT, ICON_TONE, type MessageType } from './tone';

export { FormField, useFormFieldControl, type FormFieldProps, type FormFieldControlProps } from './FormField';
export { CheckboxFilter, type CheckboxFilterProps } from './CheckboxFilter';
export { Input, Select, SortableHeader, Textarea, Options, type OptionsProps, type SortableHeaderProps } from './controls';
export { RadioGroupField, type RadioGroupFieldProps, type RadioOption } from './RadioGroupField';

export { Alert, alertRole, type AlertProps, type AlertType } from './Alert';
export { ReadOnlyBanner, type ReadOnlyBannerProps } from './ReadOnlyBanner';
export { AwsErrorMessage, type RequestErrorLike } from './AwsErrorMessage';
export { EmptyState, type EmptyStateProps, type EmptyStateVariant } from './EmptyState';
export { Skeleton, SkeletonText, SkeletonRows, SkeletonList, useDelayedVisible, SKELETON_DELAY_MS } from './Skeleton';
export type { SkeletonProps, SkeletonRowsProps } from './Skeleton';

export { Button, type ButtonProps } from './Button';
export { buttonClass, buttonClasses, inputClass, BUTTON_VARIANTS, type ButtonVariant, type ButtonSize } from './buttons';
export { useTooltip, type TooltipOptions } from './Tooltip';

export { DateTime, type DateTimeProps, type DateTimeFormat } from './DateTime';
export { formatUtc, formatUtcMinute, formatUtcDate, formatRelative, formatAge, toDate, toIso, NONE, type DateInput } from './dates';
export { useNow } from './useNow';
export { formatTimestamp } from './format';
export { FieldRow, FieldList, type FieldItem, type FieldListProps } from './FieldRow';
export { Hint, type HintProps } from './Hint';
export { useMediaQuery, useNarrowScreen, NARROW_QUERY } from './useMediaQuery';
