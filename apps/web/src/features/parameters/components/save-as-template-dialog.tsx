import { operations, type ParameterTemplateDetail } from '@gaussdb-console/api-client/browser';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Field, inputClass, Note } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import type { EditableParameter } from '../../../shared/parameters/parameter-rules';
import { StagedDiff } from '../../../shared/parameters/staged-diff';
import { isModified } from '../../../shared/parameters/staged-parameter-table';
import type { StagedEdits } from '../../../shared/parameters/use-staged-edits';
import { parameterKeys } from '../api/parameter-keys';
import { templatePath } from '../lib/labels';
import { copyName } from './copy-template-dialog';
import { TemplateNameField } from './template-name-field';

const schema = operations.createParameterTemplate.body;

/**
 * The template's own values (those that differ from the defaults; every value when the defaults are
 * unknown), read-only ones left out: what a new template must carry to start where this one is.
 */
export function ownValues(parameters: readonly EditableParameter[]): Record<string, string> {
  const known = parameters.some((p) => p.defaultValue !== undefined);
  return Object.fromEntries(
    parameters.filter((p) => !p.readonly && (!known || isModified(p))).map((p) => [p.name, p.value]),
  );
}

/** The staged edits of a template, with its own values, as a new template (4.5.4): the diff, a name, a description. */
export function SaveAsTemplateDialog(props: {
  project: string;
  template: ParameterTemplateDetail;
  version: string | undefined;
  parameters: readonly EditableParameter[];
  staged: StagedEdits;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [blocked, setBlocked] = useState(false);
  const [created, setCreated] = useState<string>();
  const { staged } = props;
  const op = useOperationForm('createParameterTemplate', {
    project: props.project,
    schema,
    defaultValues: {
      name: copyName(props.template.name).replace(/-copy$/, '-edited'),
      description: (props.template.description ?? '').slice(0, 256),
      datastore: { engine_version: props.version ?? '', instance_mode: 'ha' },
    },
    toInput: (body) => ({
      body: { ...body, parameter_values: { ...ownValues(props.parameters), ...staged.values() } },
    }),
    invalidates: [parameterKeys.all(props.project)],
    onAccepted: ({ response }) => {
      staged.discard();
      setCreated(response.id);
    },
  });
  // Navigates once the edits are gone, so leaving is not asked about.
  useEffect(() => {
    if (created && !staged.dirty) navigate(templatePath(props.project, created));
  }, [created, staged.dirty, navigate, props.project]);
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('parameters.saveAs.title', { name: props.template.name })}
      description={t('parameters.saveAs.what')}
      submitLabel={t('parameters.saveAs.submit')}
      canSubmit={!blocked && staged.invalid.length === 0}
      wide
    >
      <StagedDiff changes={staged.changes} />
      {staged.needRestart.length > 0 && (
        <div className="mt-3">
          <Note tone="warn">{t('parameters.saveAs.restartNote', { count: staged.needRestart.length })}</Note>
        </div>
      )}
      <div className="mt-3">
        <TemplateNameField project={props.project} onTaken={setBlocked} />
        <Field
          name="description"
          label={t('parameters.form.description')}
          rule={t('parameters.form.descriptionRule')}
          optional
        >
          {(a) => (
            <input {...a} {...op.form.register('description')} maxLength={256} className={inputClass} />
          )}
        </Field>
      </div>
    </OperationDialog>
  );
}
