import { operations, type Instance } from '@gaussdb-console/api-client/browser';
import { Plus, Trash2 } from 'lucide-react';
import { useMemo } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Field, inputClass, Note } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { pushToast } from '../../../shared/lib/toasts';
import { Button } from '../../../shared/ui/button';
import { useDatabaseForm } from '../api/use-database-form';
import { useDatabases } from '../api/use-databases';
import { useDbUsers } from '../api/use-db-users';
import { contractRules, ownerCandidates } from './db-form-schemas';

const body = operations.createSchema.body;
const MAX_SCHEMAS = 20;
interface Values {
  db_name: string;
  schemas: { name: string; owner: string }[];
}

function SchemaRow(props: { index: number; owners: string[]; onRemove?: () => void }) {
  const { t } = useTranslation();
  const { register } = useFormContext<Values>();
  const i = props.index;
  return (
    <li className="grid grid-cols-1 items-start gap-2 sm:grid-cols-[1fr_1fr_auto]">
      <Field name={`schemas.${i}.name`} label={t('databases.schema.nameN', { n: i + 1 })} className="mb-0">
        {(a) => <input {...a} {...register(`schemas.${i}.name`)} className={inputClass} />}
      </Field>
      <Field name={`schemas.${i}.owner`} label={t('databases.schema.ownerN', { n: i + 1 })} className="mb-0">
        {(a) => (
          <select {...a} {...register(`schemas.${i}.owner`)} className={inputClass}>
            {props.owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        )}
      </Field>
      {props.onRemove ? (
        <Button
          size="sm"
          variant="ghost"
          className="mt-6"
          onClick={props.onRemove}
          aria-label={t('databases.schema.removeN', { n: i + 1 })}
        >
          <Trash2 className="size-4" aria-hidden />
        </Button>
      ) : (
        <span />
      )}
    </li>
  );
}

/** 4.9.3: up to 20 schemas in one database in one call, each with its owner (an existing user or root). */
export function CreateSchemaDialog(props: {
  project: string;
  instance: Instance;
  database?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const databases = useDatabases(project, instance.id);
  const users = useDbUsers(project, instance.id);
  const schema = useMemo(
    () =>
      z
        .object({ db_name: z.string(), schemas: z.array(z.object({ name: z.string(), owner: z.string() })) })
        .superRefine(contractRules<Values>(body, (v) => v)),
    [],
  );
  const op = useDatabaseForm('createSchema', project, instance.id, {
    schema,
    defaultValues: { db_name: props.database ?? '', schemas: [{ name: '', owner: 'root' }] },
    body: (v) => v,
    onAccepted: () =>
      pushToast({
        tone: 'success',
        title: t('databases.schema.done', {
          count: op.form.getValues('schemas').length,
          db: op.form.getValues('db_name'),
        }),
      }),
  });
  const rows = useFieldArray({ control: op.form.control, name: 'schemas' });
  const owners = ownerCandidates(users.data ?? []);
  const dbNames = (databases.data ?? [])
    .map((d) => d.name)
    .filter((n) => !['postgres', 'template0', 'template1'].includes(n));
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('databases.schema.title', { name: instance.name })}
      description={t('databases.schema.description')}
      submitLabel={t('databases.schema.submit', { count: rows.fields.length })}
      wide
    >
      <Field name="db_name" label={t('databases.schema.database')} rule={t('databases.rules.schemaDb')}>
        {(a) => (
          <select {...a} {...op.form.register('db_name')} className={inputClass}>
            <option value="">{t('databases.pickDatabase')}</option>
            {dbNames.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
        {t('databases.rules.schemaName', { max: MAX_SCHEMAS })}
      </p>
      <ul className="mb-2 grid gap-2">
        {rows.fields.map((f, i) => (
          <SchemaRow
            key={f.id}
            index={i}
            owners={owners}
            onRemove={rows.fields.length > 1 ? () => rows.remove(i) : undefined}
          />
        ))}
      </ul>
      {rows.fields.length < MAX_SCHEMAS && (
        <Button size="sm" className="mb-3" onClick={() => rows.append({ name: '', owner: 'root' })}>
          <Plus className="size-4" aria-hidden />
          {t('databases.schema.addRow')}
        </Button>
      )}
      <Note>{t('databases.schema.note')}</Note>
    </OperationDialog>
  );
}
