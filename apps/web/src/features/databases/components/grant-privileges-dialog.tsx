import { BUILTIN_SCHEMAS, operations, type Instance } from '@gaussdb-console/api-client/browser';
import { Plus, Trash2 } from 'lucide-react';
import { useMemo } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  Field,
  FieldError,
  inputClass,
  Note,
  useFieldError,
  useFieldId,
} from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { pushToast } from '../../../shared/lib/toasts';
import { Button } from '../../../shared/ui/button';
import { useDatabaseForm } from '../api/use-database-form';
import { useDatabases } from '../api/use-databases';
import { useDbUsers } from '../api/use-db-users';
import { useSchemas } from '../api/use-schemas';
import { contractRules, granteeCandidates } from './db-form-schemas';

const body = operations.grantDbPrivilege.body;
const MAX_USERS = 50;

type Access = 'readonly' | 'readwrite';
interface Values {
  db_name: string;
  users: { name: string; access: Access; schema_name: string }[];
}

const toBody = (v: Values) => ({
  db_name: v.db_name,
  users: v.users.map((u) => ({
    name: u.name,
    readonly: u.access === 'readonly',
    schema_name: u.schema_name,
  })),
});

function GrantRow(props: { index: number; users: string[]; schemas: string[]; onRemove?: () => void }) {
  const { t } = useTranslation();
  const { index: i } = props;
  const id = useFieldId();
  const { register } = useFormContext<Values>();
  const errors = [
    useFieldError(`users.${i}.name`),
    useFieldError(`users.${i}.schema_name`),
    useFieldError(`users.${i}`),
  ];
  return (
    <li className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
      <div className="grid grid-cols-1 items-end gap-2 sm:grid-cols-[1fr_1fr_auto_auto]">
        <Field name={`users.${i}.name`} label={t('databases.grant.user')} className="mb-0">
          {(a) => (
            <select {...a} {...register(`users.${i}.name`)} className={inputClass}>
              <option value="">{t('databases.grant.pickUser')}</option>
              {props.users.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name={`users.${i}.schema_name`} label={t('databases.grant.schema')} className="mb-0">
          {(a) => (
            <select {...a} {...register(`users.${i}.schema_name`)} className={inputClass}>
              <option value="">{t('databases.grant.pickSchema')}</option>
              {props.schemas.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="flex gap-2 text-sm" aria-describedby={id(`users.${i}.access`)}>
          <legend className="sr-only">{t('databases.grant.access')}</legend>
          {(['readonly', 'readwrite'] as const).map((a) => (
            <label key={a} className="flex items-center gap-1 whitespace-nowrap">
              <input type="radio" value={a} {...register(`users.${i}.access`)} />
              {t(`databases.grant.${a}`)}
            </label>
          ))}
        </fieldset>
        {props.onRemove ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={props.onRemove}
            aria-label={t('databases.grant.removeRow', { n: i + 1 })}
          >
            <Trash2 className="size-4" aria-hidden />
          </Button>
        ) : (
          <span />
        )}
      </div>
      <FieldError id={id(`users.${i}`) + '-error'} message={errors[2]} />
    </li>
  );
}

/**
 * 4.9.4: read-only or read-write access to a schema of one database, for up to 50 users in one call. The
 * users and schemas offered are those that exist (the reference requires it); `public` and
 * `information_schema` cannot be granted (read-only users already have CREATE and USAGE on `public`).
 */
export function GrantPrivilegesDialog(props: {
  project: string;
  instance: Instance;
  database?: string;
  user?: string;
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
        .object({
          db_name: z.string(),
          users: z.array(
            z.object({
              name: z.string(),
              access: z.enum(['readonly', 'readwrite']),
              schema_name: z.string(),
            }),
          ),
        })
        .superRefine(contractRules<Values>(body, toBody)),
    [],
  );
  const op = useDatabaseForm('grantDbPrivilege', project, instance.id, {
    schema,
    defaultValues: {
      db_name: props.database ?? '',
      users: [{ name: props.user ?? '', access: 'readonly', schema_name: '' }],
    },
    body: toBody,
    onAccepted: () =>
      pushToast({ tone: 'success', title: t('databases.grant.done', { db: op.form.getValues('db_name') }) }),
  });
  const rows = useFieldArray({ control: op.form.control, name: 'users' });
  const db = useWatch({ control: op.form.control, name: 'db_name' });
  const schemas = useSchemas(project, instance.id, db || undefined);
  const grantable = (schemas.data ?? [])
    .map((s) => s.schema_name)
    .filter((s) => !(BUILTIN_SCHEMAS as readonly string[]).includes(s));
  const dbNames = (databases.data ?? [])
    .map((d) => d.name)
    .filter((n) => !['postgres', 'template0', 'template1'].includes(n));
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('databases.grant.title', { name: instance.name })}
      description={t('databases.grant.description')}
      submitLabel={t('databases.grant.submit', { count: rows.fields.length })}
      wide
    >
      <Field name="db_name" label={t('databases.grant.database')} rule={t('databases.rules.grantDb')}>
        {(a) => (
          <select {...a} {...op.form.register('db_name')} className={inputClass}>
            <option value="">{t('databases.grant.pickDatabase')}</option>
            {dbNames.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </Field>
      {db && schemas.isSuccess && grantable.length === 0 && (
        <Note tone="warn">{t('databases.grant.noSchemas', { db })}</Note>
      )}
      <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
        {t('databases.rules.grantRows', { max: MAX_USERS })}
      </p>
      <ul className="mb-2 grid gap-2">
        {rows.fields.map((f, i) => (
          <GrantRow
            key={f.id}
            index={i}
            users={granteeCandidates(users.data ?? [])}
            schemas={grantable}
            onRemove={rows.fields.length > 1 ? () => rows.remove(i) : undefined}
          />
        ))}
      </ul>
      {rows.fields.length < MAX_USERS && (
        <Button
          size="sm"
          className="mb-3"
          onClick={() => rows.append({ name: '', access: 'readonly', schema_name: '' })}
        >
          <Plus className="size-4" aria-hidden />
          {t('databases.grant.addRow')}
        </Button>
      )}
      <Note>{t('databases.grant.note')}</Note>
    </OperationDialog>
  );
}
