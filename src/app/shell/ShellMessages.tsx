/**
 * The shell's failure views, as kit Alerts: the session could not be read, and there is no page at this
 * address. Loaded on demand (App.tsx): they are rarely needed, so the kit's Alert (and its icon set) stays
 * out of the first download.
 */
import { Link } from 'react-router';
import { useShownRegions } from '../../aws';
import { Alert } from '../../ui/Alert';

export function SessionErrorAlert({ message }: { message: string }) {
  return (
    <Alert type="error" live header="Could not read the dashboard session">
      {message}
    </Alert>
  );
}

/** The page at an address that has none (the default export: the route's view). */
export default function NotFoundPage() {
  const { linkTo } = useShownRegions();
  return (
    <Alert type="warning" live header="Page not found">
      There is no page at this address. Go to the{' '}
      <Link className="underline" to={linkTo('/clusters')}>
        cluster list
      </Link>
      .
    </Alert>
  );
}
