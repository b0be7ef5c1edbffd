import { AlertOctagon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { BffError } from '../../../../shared/lib/bff';
import type { InstanceQuota } from './quota-banner';

export const QUOTA_CODE = 'DBS.200046';
export const isQuotaError = (e: unknown) => e instanceof BffError && (e.status === 413 || e.code === QUOTA_CODE);

/**
 * Why the create was refused, in words: a quota refusal explains what to do; anything else shows the
 * server's DBS code and message verbatim with the request id for a ticket.
 */
export function SubmitError({ error, quota }: { error: unknown; quota: InstanceQuota | undefined }) {
  const { t } = useTranslation();
  const e = error instanceof BffError ? error : undefined;
  const message = e ? (e.message.startsWith('errors.') ? t(e.message) : e.message) : t('errors.unexpected');
  return (
    <div role="alert" className="flex items-start gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      <AlertOctagon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        {isQuotaError(error) ? (
          <>
            <p className="font-medium">{t('createInstance.quota.refusedTitle')}</p>
            <p>{quota ? t('createInstance.quota.refusedWithNumbers', { used: quota.used, quota: quota.quota }) : t('createInstance.quota.refused')}</p>
          </>
        ) : (
          <p className="font-medium">{t('createInstance.submitFailed')}</p>
        )}
        <p className="mt-1">
          {e?.code?.startsWith('DBS.') && <span className="mr-1 font-mono">{e.code}</span>}
          {message}
        </p>
        {e?.requestId && <p className="mt-1 font-mono text-xs opacity-80">{t('errors.requestId', { id: e.requestId })}</p>}
      </div>
    </div>
  );
}
