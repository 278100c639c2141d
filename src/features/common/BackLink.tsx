/** A detail page's way back to its list ("← All backups"), keeping the shown regions in the link. */
import { Link } from 'react-router';
import { useShownRegions } from '../../aws';

export function BackLink({ to, children }: { to: '/backups' | '/clusters'; children: string }) {
  const { linkTo } = useShownRegions();
  return (
    <Link to={linkTo(to)} className="text-sm underline">
      ← {children}
    </Link>
  );
}
