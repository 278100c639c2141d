/**
 * The header: the name, who you are (SessionBadge), the views, and the tools (regions, refresh, theme). From
 * the `md` breakpoint all of it sits on one or two lines; on a phone the tools fold behind a Menu button (a
 * disclosure: one set of controls, shown or hidden, so nothing is drawn twice), which Escape and a change of
 * view close again.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useShownAccounts, useShownRegions, type SessionInfo } from '../../aws';
import { buttonClasses } from '../../ui/buttons';
import { AccountPicker } from './accounts/AccountPicker';
import { RefreshControl } from './RefreshControl';
import { RegionPicker } from './RegionPicker';
import { SessionBadge } from './SessionBadge';
import { ThemeToggle } from './ThemeToggle';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 ${isActive ? 'bg-slate-200 font-medium dark:bg-slate-800' : ''}`;

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      aria-hidden="true"
    >
      <path d={open ? 'm4 4 8 8m0-8-8 8' : 'M2.5 4h11M2.5 8h11M2.5 12h11'} />
    </svg>
  );
}

export function Header({ session }: { session: SessionInfo }) {
  const { regions, setRegions, linkTo } = useShownRegions();
  const accounts = useShownAccounts();
  const toolsId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  // The menu is open on the view it was opened on: a new view closes it, as a phone user expects.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === pathname;
  useEffect(() => {
    if (!menuOpen) return;
    // Escape closes the menu, unless something inside it (the region popover) took the key first.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      setOpenOn(null);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);
  return (
    <header className="mb-4 flex flex-wrap items-center justify-between gap-x-3 gap-y-2 border-b border-slate-200 pb-3 md:mb-6 dark:border-slate-800">
      <div className="flex min-w-0 flex-wrap items-baseline gap-x-4">
        <h1 className="text-lg font-semibold md:text-2xl">CloudHSM Dashboard</h1>
        <SessionBadge session={session} />
      </div>
      <button
        type="button"
        className={`${buttonClasses('normal', 'sm')} md:hidden`}
        ref={menuButton}
        aria-expanded={menuOpen}
        aria-controls={toolsId}
        onClick={() => setOpenOn(menuOpen ? null : pathname)}
      >
        <MenuIcon open={menuOpen} />
        Menu
      </button>
      <nav aria-label="Views" className="flex gap-1 text-sm">
        <NavLink to={linkTo('/clusters')} className={navClass}>
          Clusters
        </NavLink>
        <NavLink to={linkTo('/backups')} className={navClass}>
          Backups
        </NavLink>
        <NavLink to={linkTo('/recovery')} className={navClass}>
          Recovery
        </NavLink>
      </nav>
      <div
        id={toolsId}
        className={`${menuOpen ? 'flex' : 'hidden'} w-full flex-wrap items-center gap-2 md:flex md:w-auto`}
        data-testid="header-tools"
      >
        {accounts.multi && <AccountPicker selected={accounts.ids} available={accounts.available} onChange={accounts.setAccounts} />}
        <RegionPicker selected={regions} available={session.availableRegions} onChange={setRegions} />
        <RefreshControl />
        <ThemeToggle />
      </div>
    </header>
  );
}
