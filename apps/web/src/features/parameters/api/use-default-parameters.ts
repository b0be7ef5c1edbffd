import { useMemo } from 'react';
import { valuesOf, defaultTemplateOf, type Deployment } from './template-scope';
import { useAllParameterTemplates } from './use-parameter-templates';
import { useParameterTemplate } from './use-parameter-template';

/**
 * The defaults of an engine version and deployment: the values of its system template (4.5.1 finds it,
 * 4.5.6 reads it). `values` is undefined while loading or when no system template fits.
 */
export function useDefaultParameters(
  project: string,
  version: string | undefined,
  deployment: Deployment | undefined,
) {
  const templates = useAllParameterTemplates(project);
  const template = defaultTemplateOf(templates.data, version, deployment);
  const detail = useParameterTemplate(project, template?.id);
  const values = useMemo(
    () => (detail.data ? valuesOf(detail.data.configuration_parameters) : undefined),
    [detail.data],
  );
  // 4.5.2 does not say which parameters are read-only; the version's template (4.5.6) does.
  const readonly = useMemo(
    () => new Set((detail.data?.configuration_parameters ?? []).filter((p) => p.readonly).map((p) => p.name)),
    [detail.data],
  );
  return { template, values, readonly, isPending: templates.isPending || (!!template && detail.isPending) };
}
