import type { ParameterTemplate } from '@gaussdb-console/api-client/browser';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { parameterKeys } from '../api/parameter-keys';

const noFields = z.object({});

/**
 * 4.5.5: deletes a user template after its name is typed. While the upstream refuses (the template is
 * still applied to instances, DBS.212032, or being applied, DBS.212010) the dialog shows its reason.
 */
export function DeleteTemplateDialog(props: {
  project: string;
  template: Pick<ParameterTemplate, 'id' | 'name'>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const op = useOperationForm('deleteParameterTemplate', {
    project: props.project,
    schema: noFields,
    defaultValues: {},
    toInput: () => ({ path: { config_id: props.template.id } }),
    invalidates: [parameterKeys.all(props.project)],
    onAccepted: () => props.onDeleted?.(),
  });
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('parameters.delete.title', { name: props.template.name })}
      submitLabel={t('parameters.delete.submit')}
      danger={{ confirmText: props.template.name, consequence: t('parameters.delete.consequence') }}
    />
  );
}
