import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = [
  { code: 'en', label: 'English', api: 'en-us' },
  { code: 'zh-CN', label: '简体中文', api: 'zh-cn' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export type Messages = { [key: string]: string | Messages };

/**
 * Strings live beside their code: shared/i18n/[<part>/]<lang>.json for the shell and shared pieces, and
 * features/<area>/i18n/[<part>/]<lang>.json for each feature, each file under its own top-level keys.
 * Only the active language is downloaded (all of its files in one chunk, ./catalogues/<lang>.ts); its files
 * are merged into one catalogue.
 */
const CATALOGUES: Record<LanguageCode, () => Promise<{ default: Record<string, Messages> }>> = {
  en: () => import('./catalogues/en'),
  'zh-CN': () => import('./catalogues/zh-CN'),
};

function deepMerge(target: Messages, source: Messages): Messages {
  for (const [k, v] of Object.entries(source)) {
    const cur = target[k];
    target[k] = typeof v === 'object' && typeof cur === 'object' ? deepMerge({ ...cur }, v) : v;
  }
  return target;
}

async function loadCatalogue(lang: LanguageCode): Promise<Messages> {
  const files = (await CATALOGUES[lang]()).default;
  return Object.values(files).reduce<Messages>((acc, m) => deepMerge(acc, m), {});
}

const STORAGE_KEY = 'gaussdb-console.language';

function initialLanguage(): LanguageCode {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('zh')
    ? 'zh-CN'
    : 'en';
}

async function ensureLoaded(lang: LanguageCode): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'translation')) return;
  i18n.addResourceBundle(lang, 'translation', await loadCatalogue(lang), true, true);
}

/** Loads the user's language (and English, the fallback) before the first render. */
export async function initI18n(lang: LanguageCode = initialLanguage()): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: {},
    lng: lang,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await Promise.all([ensureLoaded('en'), lang === 'en' ? undefined : ensureLoaded(lang)]);
  await i18n.changeLanguage(lang);
}

export async function setLanguage(code: LanguageCode): Promise<void> {
  localStorage.setItem(STORAGE_KEY, code);
  await ensureLoaded(code);
  await i18n.changeLanguage(code);
  document.documentElement.lang = code;
}

/** The value for the BFF's `X-Language` header, so upstream messages come in the user's language. */
export function apiLanguage(): string {
  return i18n.language === 'zh-CN' ? 'zh-cn' : 'en-us';
}

export { i18n };
