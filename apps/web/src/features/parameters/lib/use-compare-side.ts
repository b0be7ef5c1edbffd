import type { Parameter } from '@gaussdb-console/api-client/browser';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { instanceQuery } from '../../instances/api/use-instance';
import { deploymentOf, instanceDeployment, type Deployment } from '../api/template-scope';
import { useInstanceParameters } from '../api/use-instance-parameters';
import { useParameterTemplate } from '../api/use-parameter-template';
import { useAllParameterTemplates } from '../api/use-parameter-templates';

/** A side of a comparison in the URL: `t:<template id>` or `i:<instance id>`. */
export interface SideRef {
  kind: 'template' | 'instance';
  id: string;
}

export function parseSide(value: string | null | undefined): SideRef | undefined {
  const m = /^([ti]):(.+)$/.exec(value ?? '');
  return m ? { kind: m[1] === 't' ? 'template' : 'instance', id: m[2]! } : undefined;
}

export const sideParam = (s: SideRef) => `${s.kind === 'template' ? 't' : 'i'}:${s.id}`;

export interface ComparedSide {
  ref: SideRef;
  name: string;
  version?: string;
  deployment?: Deployment;
  parameters?: readonly Parameter[];
  isPending: boolean;
  error: unknown;
  permitted: boolean | undefined;
  refetch: () => void;
}

/** What one side holds: a template (4.5.6) or an instance's parameters (4.5.2), with its name and scope. */
export function useCompareSide(project: string, ref: SideRef | undefined): ComparedSide | undefined {
  const isTemplate = ref?.kind === 'template';
  const template = useParameterTemplate(project, isTemplate ? ref.id : undefined);
  const templates = useAllParameterTemplates(project);
  const instanceParams = useInstanceParameters(project, !isTemplate ? ref?.id : undefined);
  const instanceId = !isTemplate && ref ? ref.id : '';
  const instance = usePermittedQuery('listInstances', {
    ...instanceQuery(project, instanceId),
    enabled: !!instanceId,
  });
  if (!ref) return undefined;
  if (isTemplate) {
    const listed = templates.data?.find((x) => x.id === ref.id);
    return {
      ref,
      name: template.data?.name ?? listed?.name ?? ref.id,
      version: template.data?.engine_version ?? listed?.datastore_version ?? undefined,
      deployment: deploymentOf(listed?.ha_mode ?? template.data?.instance_mode),
      parameters: template.data?.configuration_parameters ?? undefined,
      isPending: template.isPending,
      error: template.error,
      permitted: template.permitted,
      refetch: () => void template.refetch(),
    };
  }
  return {
    ref,
    name: instance.data?.name ?? ref.id,
    version: instanceParams.data?.datastore_version ?? instance.data?.datastore?.version ?? undefined,
    deployment: instance.data ? instanceDeployment(instance.data) : undefined,
    parameters: instanceParams.data?.configuration_parameters,
    isPending: instanceParams.isPending,
    error: instanceParams.error,
    permitted: instanceParams.permitted,
    refetch: () => void instanceParams.refetch(),
  };
}
