import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../../../../shared/forms/operation-dialog';
import { Note } from '../../../../../shared/forms/form-field';
import { Loading } from '../../../../../shared/ui/states';
import { useSslCertLink } from '../../../api/use-ssl-cert';
import type { ActionDialogProps } from './action-types';

/** Only https links are offered: the link comes from the service and is put into an href. */
const safeLink = (link: string | undefined) => (link && /^https:\/\//i.test(link) ? link : undefined);

/** The instance's CA certificate bundle (4.4.16): a fresh signed link each time the dialog opens. */
export function SslCertDialog({ project, instance, open, onOpenChange }: ActionDialogProps) {
  const { t } = useTranslation();
  const link = useSslCertLink(project, instance.id, open);
  const href = safeLink(link.data);
  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('instanceActions.sslCert.title', { name: instance.name })}
      description={t('instanceActions.sslCert.intro')}
      error={link.error}
    >
      {link.isLoading && <Loading />}
      {link.isSuccess && !href && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t('instanceActions.sslCert.badLink')}
        </p>
      )}
      {href && (
        <>
          <a
            href={href}
            download="Certificate_Download.zip"
            rel="noopener noreferrer"
            className="inline-flex h-8 items-center gap-1.5 rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800 focus-visible:ring-2 focus-visible:ring-sky-600/40 focus-visible:outline-none"
          >
            <Download className="size-4" aria-hidden />
            {t('instanceActions.sslCert.download')}
          </a>
          <p className="mt-3 mb-3 text-xs text-slate-500 dark:text-slate-400">
            {t('instanceActions.sslCert.expires')}
          </p>
          <Note>{t('instanceActions.sslCert.howTo', { port: instance.port ?? 8000 })}</Note>
        </>
      )}
    </ActionDialog>
  );
}
