import { pushToast } from '../../../../../shared/lib/toasts';
import { jobIdOf } from '../../../../../shared/forms/use-operation-form';

/** A prepaid change creates an order to pay: tell the user when no job runs yet. */
export function orderNotice(r: unknown, t: (k: string, o?: Record<string, unknown>) => string) {
  const order = typeof r === 'object' && r !== null ? (r as { order_id?: unknown }).order_id : undefined;
  if (typeof order === 'string' && order && !jobIdOf(r))
    pushToast({ tone: 'info', title: t('instanceActions.replica.order', { order }) });
}
