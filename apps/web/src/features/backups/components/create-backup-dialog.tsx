import { operations } from '@gaussdb-console/api-client/browser';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, inputClass } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { useInstanceSearch } from '../../instances/api/use-instance-search';
import { instanceKeys } from '../../instances/api/instance-keys';
import { backupKeys } from '../api/backup-keys';

const body = operations.createManualBackup.body;

/** A name that keeps 4.7.4's rule: the instance's name (a letter first), "manual" and the minute. */
export function suggestBackupName(instanceName: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}${p(now.getHours())}${p(now.getMinutes())}`;
  const base = /^[A-Za-z]/.test(instanceName)
    ? instanceName.replace(/[^A-Za-z0-9_-]/g, '-')
    : `backup-${instanceName}`;
  return `${base.slice(0, 64 - stamp.length - 8)}-manual-${stamp}`;
}

/**
 * Create a manual backup (4.7.4): the name and description with their rules, then the backup job followed
 * in the dialog until it completes. Without an instance (the project's Backups page) the instance is
 * searched by name first.
 */
export function CreateBackupDialog(props: {
  project: string;
  instance?: { id: string; name: string };
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const { project } = props;
  const [picked, setPicked] = useState<{ id: string; name: string } | undefined>(props.instance);
  const [search, setSearch] = useState('');
  const found = useInstanceSearch(project, search.trim(), props.open && !props.instance);
  const instance = props.instance ?? picked;
  const defaultValues = useMemo(
    () => ({
      instance_id: instance?.id ?? '',
      name: instance ? suggestBackupName(instance.name) : '',
      description: '',
    }),
    [instance],
  );
  const op = useOperationForm('createManualBackup', {
    project,
    schema: body,
    defaultValues,
    toInput: (values) => ({
      body: { ...values, ...(values.description ? {} : { description: undefined }) },
    }),
    invalidates: [backupKeys.all(project), instanceKeys.all(project)],
  });
  const choose = (i: { id: string; name: string }) => {
    setPicked(i);
    op.form.reset({ instance_id: i.id, name: suggestBackupName(i.name), description: '' });
  };

  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={(o) => {
        if (!o && !props.instance) {
          setPicked(undefined);
          setSearch('');
        }
        props.onOpenChange(o);
      }}
      title={instance ? t('backups.create.titleFor', { name: instance.name }) : t('backups.create.title')}
      description={t('backups.create.description')}
      submitLabel={t('backups.create.submit')}
      afterAccept="follow"
      canSubmit={!!instance}
    >
      {!props.instance && (
        <div className="mb-3">
          <label htmlFor="backup-instance-search" className="mb-1 block text-sm font-medium">
            {t('backups.create.instance')}
          </label>
          <input
            id="backup-instance-search"
            type="search"
            className={inputClass}
            value={search}
            placeholder={t('backups.create.instanceSearch')}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
          />
          {picked && (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
              {t('backups.create.instanceChosen', { name: picked.name })}
            </p>
          )}
          {search.trim() && (
            <ul className="mt-1 max-h-40 overflow-auto rounded-md border border-slate-200 text-sm dark:border-slate-700">
              {(found.data ?? []).map((i) => (
                <li key={i.id}>
                  <button
                    type="button"
                    className="w-full px-2 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                    onClick={() => choose({ id: i.id, name: i.name })}
                  >
                    {i.name} <span className="text-xs text-slate-500 dark:text-slate-400">{i.status}</span>
                  </button>
                </li>
              ))}
              {found.data?.length === 0 && (
                <li className="px-2 py-1 text-slate-500 dark:text-slate-400">
                  {t('backups.create.noMatch')}
                </li>
              )}
            </ul>
          )}
        </div>
      )}
      <Field name="name" label={t('backups.create.name')} rule={t('backups.create.nameRule')}>
        {(a) => <input {...a} {...op.form.register('name')} className={`${inputClass} font-mono`} />}
      </Field>
      <Field
        name="description"
        label={t('backups.create.descriptionLabel')}
        rule={t('backups.create.descriptionRule')}
        optional
      >
        {(a) => (
          <textarea
            {...a}
            {...op.form.register('description')}
            rows={2}
            className={`${inputClass} h-auto py-1`}
          />
        )}
      </Field>
    </OperationDialog>
  );
}
