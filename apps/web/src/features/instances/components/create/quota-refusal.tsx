import { useTranslation } from 'react-i18next';
import { BffError } from '../../../../shared/lib/bff';
import type { InstanceQuota } from './quota-banner';

export const QUOTA_CODE = 'DBS.200046';
export const isQuotaError = (e: unknown) =>
  e instanceof BffError && (e.status === 413 || e.code === QUOTA_CODE);

/** What a quota refusal means, in words, above the server's code and message (ErrorPanel's children). */
export function QuotaRefusal({ quota }: { quota: InstanceQuota | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="font-medium">{t('createInstance.quota.refusedTitle')}</p>
      <p>
        {quota
          ? t('createInstance.quota.refusedWithNumbers', { used: quota.used, quota: quota.quota })
          : t('createInstance.quota.refused')}
      </p>
    </>
  );
}
