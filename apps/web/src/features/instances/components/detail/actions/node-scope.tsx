import type { ComponentNode } from '@gaussdb-console/api-client/browser';
import type { TFunction } from 'i18next';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage, FieldError, Note } from '../../../../../shared/forms/form-field';
import { NodePicker } from './node-picker';

/** Start and stop (4.4.18/4.4.19) act on chosen nodes or on the whole instance (`node_ids: []`). */
export type NodeScope = 'nodes' | 'whole';

export interface NodeScopeValues {
  scope: NodeScope;
  node_ids: string[];
}

/** The request's `node_ids` for the values: none for the whole instance. */
export const nodeIdsOf = (v: NodeScopeValues) => (v.scope === 'whole' ? [] : v.node_ids);

/** The form's schema: the operation's body judges `node_ids`; choosing nodes means choosing at least one. */
export function nodeScopeSchema(body: z.ZodType, t: TFunction) {
  return z
    .object({ scope: z.enum(['nodes', 'whole']), node_ids: z.array(z.string()) })
    .superRefine((v, ctx) => {
      if (v.scope === 'nodes' && v.node_ids.length === 0)
        ctx.addIssue({ code: 'custom', path: ['node_ids'], message: t('instanceActions.nodes.pickOne') });
      const r = body.safeParse({ node_ids: nodeIdsOf(v) });
      if (!r.success)
        ctx.addIssue({ code: 'custom', path: ['node_ids'], message: r.error.issues[0]?.message ?? '' });
    });
}

/** "Chosen nodes" or "the whole instance", then the nodes to choose from, inside the dialog's form. */
export function NodeScopeFields(props: {
  verb: 'start' | 'stop';
  nodes: ComponentNode[];
  legend: string;
  whole: string;
  empty?: string;
}) {
  const { t } = useTranslation();
  const { register, control, formState } = useFormContext<NodeScopeValues>();
  const scope = useWatch({ control, name: 'scope' });
  return (
    <>
      <fieldset className="mb-3">
        <legend className="mb-1 text-sm font-medium">{t('instanceActions.nodes.scope')}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(['nodes', 'whole'] as const).map((s) => (
            <label key={s} className="flex items-center gap-1.5">
              <input type="radio" value={s} {...register('scope')} />
              {t(`instanceActions.nodes.${props.verb}.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {scope === 'nodes' && props.nodes.length === 0 && props.empty && <Note>{props.empty}</Note>}
      {scope === 'nodes' && props.nodes.length > 0 && (
        <Controller
          control={control}
          name="node_ids"
          render={({ field }) => (
            <NodePicker
              legend={props.legend}
              nodes={props.nodes}
              selected={field.value}
              onChange={field.onChange}
            />
          )}
        />
      )}
      {scope === 'nodes' && (
        <FieldError id="node-ids-error" message={errorMessage(formState.errors.node_ids)} />
      )}
      {scope === 'whole' && <Note tone={props.verb === 'stop' ? 'warn' : 'info'}>{props.whole}</Note>}
    </>
  );
}
