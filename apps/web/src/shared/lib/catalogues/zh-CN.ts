import type { Messages } from '../i18n';

/** Every Simplified Chinese file in one module, one chunk (see ./en.ts). */
export default import.meta.glob<Messages>(
  ['../../i18n/**/zh-CN.json', '../../../features/*/i18n/**/zh-CN.json'],
  { import: 'default', eager: true },
);
