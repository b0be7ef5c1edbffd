import type { Instance } from '@gaussdb-console/api-client/browser';
import { RotateCw, Tag } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BffError } from '../../../shared/lib/bff';
import { useCan } from '../../../shared/api/policy';
import { pushToast } from '../../../shared/lib/toasts';
import { Button } from '../../../shared/ui/button';
import { Dialog } from '../../../shared/ui/dialog';
import { useAddInstanceTags, useRestartInstance } from '../api/use-instance-mutations';

const describe = (e: unknown) =>
  e instanceof BffError ? `${e.code.startsWith('DBS.') ? e.code + ' ' : ''}${e.message}` : String(e);

/** Bulk restart and bulk tagging of the selected rows; each instance's result is reported. */
export function BulkActions({
  project,
  selected,
  onDone,
}: {
  project: string;
  selected: Instance[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const restart = useRestartInstance(project);
  const addTags = useAddInstanceTags(project);
  const [dialog, setDialog] = useState<'restart' | 'tag' | undefined>();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);

  const runAll = async (what: string, fn: (i: Instance) => Promise<unknown>) => {
    setBusy(true);
    const results = await Promise.allSettled(selected.map(fn));
    setBusy(false);
    const failed = results.map((r, i) => ({ r, i: selected[i] })).filter((x) => x.r.status === 'rejected');
    pushToast({
      tone: failed.length ? 'error' : 'success',
      title: t('instances.bulk.result', { what, ok: results.length - failed.length, total: results.length }),
      body:
        failed.map((f) => `${f.i?.name}: ${describe((f.r as PromiseRejectedResult).reason)}`).join('\n') ||
        undefined,
    });
    setDialog(undefined);
    onDone();
  };

  return (
    <div className="flex items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm dark:border-sky-900 dark:bg-sky-950">
      <span>{t('instances.bulk.selected', { count: selected.length })}</span>
      {can('restartInstance') && (
        <Button size="sm" onClick={() => setDialog('restart')}>
          <RotateCw className="size-3.5" aria-hidden />
          {t('instances.bulk.restart')}
        </Button>
      )}
      {can('addInstanceTags') && (
        <Button size="sm" onClick={() => setDialog('tag')}>
          <Tag className="size-3.5" aria-hidden />
          {t('instances.bulk.tag')}
        </Button>
      )}
      <Dialog
        open={dialog === 'restart'}
        onOpenChange={(o) => !o && setDialog(undefined)}
        title={t('instances.bulk.restartTitle', { count: selected.length })}
        description={t('instances.bulk.restartConsequence')}
        footer={
          <>
            <Button onClick={() => setDialog(undefined)}>{t('common.cancel')}</Button>
            <Button
              variant="primary"
              disabled={busy}
              onClick={() =>
                void runAll(t('instances.bulk.restart'), (i) =>
                  restart.mutateAsync({ path: { instance_id: i.id } }),
                )
              }
            >
              {t('instances.bulk.restart')}
            </Button>
          </>
        }
      >
        <ul className="max-h-40 list-disc overflow-auto pl-5 text-sm">
          {selected.map((i) => (
            <li key={i.id}>{i.name}</li>
          ))}
        </ul>
      </Dialog>
      <Dialog
        open={dialog === 'tag'}
        onOpenChange={(o) => !o && setDialog(undefined)}
        title={t('instances.bulk.tagTitle', { count: selected.length })}
        description={t('instances.bulk.tagRule')}
        footer={
          <>
            <Button onClick={() => setDialog(undefined)}>{t('common.cancel')}</Button>
            <Button
              variant="primary"
              disabled={busy || !key.trim()}
              onClick={() =>
                void runAll(t('instances.bulk.tag'), (i) =>
                  addTags.mutateAsync({
                    path: { instance_id: i.id },
                    body: { tags: [{ key: key.trim(), value: value.trim() }] },
                  }),
                )
              }
            >
              {t('instances.bulk.tag')}
            </Button>
          </>
        }
      >
        <div className="grid grid-cols-2 gap-3">
          <label className="text-sm">
            <span className="mb-1 block">{t('instances.bulk.tagKey')}</span>
            <input
              className="h-8 w-full rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-800"
              value={key}
              maxLength={36}
              onChange={(e) => setKey(e.target.value)}
            />
          </label>
          <label className="text-sm">
            <span className="mb-1 block">{t('instances.bulk.tagValue')}</span>
            <input
              className="h-8 w-full rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-800"
              value={value}
              maxLength={43}
              onChange={(e) => setValue(e.target.value)}
            />
          </label>
        </div>
      </Dialog>
    </div>
  );
}
