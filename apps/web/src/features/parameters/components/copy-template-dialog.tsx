import { operations, type ParameterTemplate } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Field, inputClass } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { parameterKeys } from '../api/parameter-keys';
import { templatePath } from '../lib/labels';
import { TemplateNameField } from './template-name-field';

const schema = operations.copyParameterTemplate.body;

/** A name that keeps the rule: the source's, characters outside it as "-", then "-copy". */
export const copyName = (name: string) => `${name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 59)}-copy`;

/** 4.5.7: a user template with the source's engine version, deployment and values, under a new name. */
export function CopyTemplateDialog(props: {
  project: string;
  template: Pick<ParameterTemplate, 'id' | 'name'>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [blocked, setBlocked] = useState(false);
  const op = useOperationForm('copyParameterTemplate', {
    project: props.project,
    schema,
    defaultValues: { name: copyName(props.template.name), description: '' },
    toInput: (body) => ({ path: { config_id: props.template.id }, body }),
    invalidates: [parameterKeys.all(props.project)],
    onAccepted: ({ response }) => navigate(templatePath(props.project, response.config_id)),
  });
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('parameters.copy.title', { name: props.template.name })}
      description={t('parameters.copy.what')}
      submitLabel={t('parameters.copy.submit')}
      canSubmit={!blocked}
    >
      <TemplateNameField project={props.project} onTaken={setBlocked} />
      <Field
        name="description"
        label={t('parameters.form.description')}
        rule={t('parameters.form.descriptionRule')}
        optional
      >
        {(a) => (
          <textarea
            {...a}
            {...op.form.register('description')}
            maxLength={256}
            rows={2}
            className={`${inputClass} h-auto py-1.5`}
          />
        )}
      </Field>
    </OperationDialog>
  );
}
