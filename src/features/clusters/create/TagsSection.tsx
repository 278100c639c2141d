/** The cluster's tags (TagEditor checks each row as it is typed; the form's error says what blocks the request). */
import type { RefObject } from 'react';
import { FieldMessages } from '../../../ui/FormField';
import { TagEditor } from '../../tags/TagEditor';
import type { SectionProps } from './sections';

export function TagsSection({ form, ids, disabled, announceError, tagsRef }: SectionProps & { tagsRef: RefObject<HTMLDivElement | null> }) {
  const error = form.submitted ? form.validation.errors.tags : undefined;
  return (
    // Focusable (not in the tab order): a failed submit focuses the first invalid tag, or this group.
    <div ref={tagsRef} id={ids.tags} tabIndex={-1} className="flex flex-col gap-1">
      <TagEditor rows={form.values.tags} onChange={(tags) => form.change({ tags })} label="Tags (optional)" disabled={disabled} />
      <FieldMessages
        id={ids.tags}
        errorText={error ? <span data-testid="field-error-tags">{error}</span> : undefined}
        announceError={announceError}
      />
    </div>
  );
}
