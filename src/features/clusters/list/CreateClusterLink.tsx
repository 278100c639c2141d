/**
 * "Create cluster" on the list: a plain link to the form (which loads on demand), keeping the regions in
 * view. In a read-only session it is an unavailable control that says why (a link cannot be disabled).
 * Nothing heavy is imported here: this is part of the first view (no Radix, no form code).
 */
import { useId } from 'react';
import { Link } from 'react-router';
import { useShownRegions } from '../../../aws';
import { useReadOnlyReason } from '../../../ui/actions/readOnly';
import { buttonClass } from '../../../ui/buttons';

export function CreateClusterLink() {
  const { linkTo } = useShownRegions();
  const readOnly = useReadOnlyReason();
  const reasonId = useId();
  if (readOnly) {
    return (
      <>
        <button
          type="button"
          className={buttonClass.primary}
          aria-disabled="true"
          aria-describedby={reasonId}
          title={readOnly}
          data-disabled-reason={readOnly}
        >
          Create cluster
        </button>
        <span id={reasonId} className="sr-only">
          {readOnly}
        </span>
      </>
    );
  }
  return (
    <Link to={linkTo('/clusters/new')} className={buttonClass.primary} data-testid="create-cluster-link">
      Create cluster
    </Link>
  );
}
