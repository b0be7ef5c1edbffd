import { INSTANCE_NAME_RULE, operations } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, inputClass } from '../../../../../shared/forms/form-field';
import type { ActionDialogProps } from './action-types';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

/** Rename (4.4.9): the contract's name rule, and a name that differs from the current one. */
export function RenameDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const current = props.instance.name;
  const schema = useMemo(
    () =>
      operations.renameInstance.body.refine((v) => v.name !== current, {
        path: ['name'],
        message: t('actions.rename.unchanged'),
      }),
    [current, t],
  );
  const op = useInstanceAction('renameInstance', props, { schema, defaultValues: { name: current } });
  return (
    <InstanceActionDialog action="rename" dialog={props} op={op} description={undefined}>
      <Field
        name="name"
        label={t('actions.rename.label')}
        rule={t('actions.rename.rule', { rule: INSTANCE_NAME_RULE })}
      >
        {(a) => <input {...a} {...op.form.register('name')} className={inputClass} autoFocus />}
      </Field>
    </InstanceActionDialog>
  );
}
