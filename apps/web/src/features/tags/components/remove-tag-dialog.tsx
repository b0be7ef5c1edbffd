import type { Instance } from '@gaussdb-console/api-client/browser';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { pushToast } from '../../../shared/lib/toasts';
import { instanceKeys } from '../../instances/api/instance-keys';
import { tagKeys } from '../api/tag-keys';

const nothing = z.object({});

/** 4.11.5: removes one tag from the instance. Another tag can be added back at once: one click, red button. */
export function RemoveTagDialog(props: {
  project: string;
  instance: Instance;
  tag: { key: string; value: string };
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const { project, instance, tag } = props;
  const op = useOperationForm('deleteInstanceTag', {
    project,
    schema: nothing,
    defaultValues: {},
    toInput: () => ({ path: { instance_id: instance.id }, query: { key: tag.key } }),
    invalidates: [tagKeys.all(project), instanceKeys.all(project)],
    onAccepted: () =>
      pushToast({
        tone: 'success',
        title: t('tags.removed', { tag: `${tag.key}=${tag.value}`, name: instance.name }),
      }),
  });
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('tags.removeTitle', { tag: `${tag.key}=${tag.value}` })}
      description={t('tags.removeConsequence', { tag: `${tag.key}=${tag.value}`, name: instance.name })}
      submitLabel={t('tags.remove')}
      destructive
    />
  );
}
