import type { Messages } from '../i18n';

/**
 * Every English file (shared/i18n/**, features/<area>/i18n/**) in one module: the language arrives as one
 * chunk in one request, not one request per file (two dozen requests queued behind the page's code at first
 * load held the first render back by most of a second, docs/performance.md).
 */
export default import.meta.glob<Messages>(['../../i18n/**/en.json', '../../../features/*/i18n/**/en.json'], {
  import: 'default',
  eager: true,
});
