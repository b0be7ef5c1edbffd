import { Languages, Moon, Sun } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type LanguageCode } from '../lib/i18n';
import { setTheme, storedTheme, type Theme } from '../lib/theme';

/** Language and theme switches, shown in the top bar and on the sign-in page. */
export function PreferencesMenu() {
  const { t, i18n } = useTranslation();
  const [theme, setThemeState] = useState<Theme>(storedTheme());
  const isDark =
    theme === 'dark' || (theme === 'system' && document.documentElement.classList.contains('dark'));
  return (
    <div className="flex items-center gap-1">
      <label className="sr-only" htmlFor="language-select">
        {t('prefs.language')}
      </label>
      <div className="flex items-center gap-1 rounded-md px-1 text-slate-600 dark:text-slate-300">
        <Languages className="size-4" aria-hidden />
        <select
          id="language-select"
          className="bg-transparent py-1 text-sm"
          value={i18n.language}
          onChange={(e) => void setLanguage(e.target.value as LanguageCode)}
        >
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} className="text-slate-900">
              {l.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="rounded-md p-1.5 text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
        aria-label={isDark ? t('prefs.lightMode') : t('prefs.darkMode')}
        title={isDark ? t('prefs.lightMode') : t('prefs.darkMode')}
        onClick={() => {
          const next: Theme = isDark ? 'light' : 'dark';
          setTheme(next);
          setThemeState(next);
        }}
      >
        {isDark ? <Sun className="size-4" aria-hidden /> : <Moon className="size-4" aria-hidden />}
      </button>
    </div>
  );
}
