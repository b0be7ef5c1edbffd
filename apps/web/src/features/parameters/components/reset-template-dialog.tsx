import type { ParameterTemplate } from '@gaussdb-console/api-client/browser';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { parameterKeys } from '../api/parameter-keys';

const noFields = z.object({});

/**
 * 4.5.8: every value of a user template back to its version's defaults. Its own values are lost (they stay
 * in the modification history), so the name is typed; instances keep the values they have.
 */
export function ResetTemplateDialog(props: {
  project: string;
  template: Pick<ParameterTemplate, 'id' | 'name'>;
  /** How many values differ from the defaults now (undefined: unknown). */
  changed?: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const op = useOperationForm('resetParameterTemplate', {
    project: props.project,
    schema: noFields,
    defaultValues: {},
    toInput: () => ({ path: { config_id: props.template.id } }),
    invalidates: [parameterKeys.all(props.project)],
  });
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('parameters.reset.title', { name: props.template.name })}
      submitLabel={t('parameters.reset.submit')}
      danger={{
        confirmText: props.template.name,
        consequence:
          props.changed === undefined
            ? t('parameters.reset.consequence')
            : t('parameters.reset.consequenceCount', { count: props.changed }),
      }}
    />
  );
}
