import { useEffect, useState } from 'react';
import { nextThemePreference, parseThemePreference, resolveTheme, THEME_STORAGE_KEY, type ThemePreference } from './theme';
import { buttonClasses } from '../../ui/buttons';

const darkQuery = () => window.matchMedia?.('(prefers-color-scheme: dark)');
const systemDark = (): boolean => darkQuery()?.matches ?? false;

function storedPreference(): ThemePreference {
  try {
    return parseThemePreference(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

/** Applies the theme to <html> (Tailwind's `dark` class) and offers the toggle. */
export function ThemeToggle() {
  const [preference, setPreference] = useState<ThemePreference>(storedPreference);
  const [dark, setDark] = useState(systemDark);
  useEffect(() => {
    const query = darkQuery();
    const onChange = () => setDark(query.matches);
    query?.addEventListener('change', onChange);
    return () => query?.removeEventListener('change', onChange);
  }, []);
  const theme = resolveTheme(preference, dark);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  const choose = () => {
    const next = nextThemePreference(preference);
    setPreference(next);
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // storage disabled: the choice lasts for this page
    }
  };
  const label = preference === 'system' ? `Theme: system (${theme})` : `Theme: ${preference}`;
  return (
    <button type="button" onClick={choose} className={buttonClasses('normal', 'sm')} aria-label={`${label}; change theme`}>
      {label}
    </button>
  );
}
