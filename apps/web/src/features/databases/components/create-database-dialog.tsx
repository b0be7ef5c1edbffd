import type { Instance } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, inputClass, Note } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { pushToast } from '../../../shared/lib/toasts';
import { useDatabaseForm } from '../api/use-database-form';
import { useDbUsers } from '../api/use-db-users';
import { createDatabaseSchema, DB_DEFAULTS, ownerCandidates } from './db-form-schemas';

const CHARSETS = ['UTF8', 'GBK', 'GB18030', 'SQL_ASCII', 'LATIN1'];
const COLLATIONS = ['C', 'POSIX', 'en_US.UTF-8', 'zh_CN.UTF-8', 'zh_CN.GB18030'];

/** 4.9.1: one database, with the reference's rule under each field and the combination rule on the template. */
export function CreateDatabaseDialog(props: {
  project: string;
  instance: Instance;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const users = useDbUsers(project, instance.id);
  const schema = useMemo(() => createDatabaseSchema(t), [t]);
  const op = useDatabaseForm('createDatabase', project, instance.id, {
    schema,
    defaultValues: { name: '', owner: '', character_set: '', template: '', lc_collate: '', lc_ctype: '' },
    body: (v) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)),
    onAccepted: () =>
      pushToast({ tone: 'success', title: t('databases.create.done', { name: op.form.getValues('name') }) }),
  });
  const reg = op.form.register;
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('databases.create.title', { name: instance.name })}
      description={t('databases.create.description')}
      submitLabel={t('databases.create.submit')}
      wide
    >
      <Field name="name" label={t('databases.create.name')} rule={t('databases.rules.dbName')}>
        {(a) => <input {...a} {...reg('name')} className={inputClass} autoFocus />}
      </Field>
      <Field name="owner" label={t('databases.create.owner')} rule={t('databases.rules.owner')} optional>
        {(a) => (
          <select {...a} {...reg('owner')} className={inputClass}>
            <option value="">{t('databases.create.ownerDefault')}</option>
            {ownerCandidates(users.data ?? [])
              .filter((n) => n !== 'root')
              .map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
          </select>
        )}
      </Field>
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <Field
          name="character_set"
          label={t('databases.create.charset')}
          rule={t('databases.rules.charset')}
          optional
        >
          {(a) => (
            <input
              {...a}
              {...reg('character_set', { deps: ['template'] })}
              list="db-charsets"
              placeholder={DB_DEFAULTS.character_set}
              className={inputClass}
            />
          )}
        </Field>
        <Field
          name="template"
          label={t('databases.create.template')}
          rule={t('databases.rules.template')}
          optional
        >
          {(a) => (
            <select {...a} {...reg('template')} className={inputClass}>
              <option value="">{t('databases.create.templateDefault')}</option>
              <option value="template0">template0</option>
            </select>
          )}
        </Field>
        <Field
          name="lc_collate"
          label={t('databases.create.collate')}
          rule={t('databases.rules.collate')}
          optional
        >
          {(a) => (
            <input
              {...a}
              {...reg('lc_collate', { deps: ['template'] })}
              list="db-collations"
              placeholder={DB_DEFAULTS.lc_collate}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="lc_ctype" label={t('databases.create.ctype')} rule={t('databases.rules.ctype')} optional>
          {(a) => (
            <input
              {...a}
              {...reg('lc_ctype', { deps: ['template'] })}
              list="db-collations"
              placeholder={DB_DEFAULTS.lc_ctype}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <datalist id="db-charsets">
        {CHARSETS.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <datalist id="db-collations">
        {COLLATIONS.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Note>{t('databases.create.note')}</Note>
    </OperationDialog>
  );
}
