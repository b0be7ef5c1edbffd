import type { ParameterTemplate } from '@gaussdb-console/api-client/browser';
import type { TFunction } from 'i18next';
import { deploymentOf, type Deployment } from '../api/template-scope';

/** A deployment in words ("Centralized (primary/standby)"); the API's own word when it is not one we know. */
export function deploymentText(t: TFunction, d: Deployment | undefined, raw?: string | null): string {
  return d ? t(`parameters.deployment.${d}`) : (raw ?? '—');
}

export const templateDeploymentText = (t: TFunction, tpl: Pick<ParameterTemplate, 'ha_mode'>) =>
  deploymentText(t, deploymentOf(tpl.ha_mode), tpl.ha_mode);

/** A template's kind: the system's default ones cannot be changed or deleted. */
export const templateKindText = (t: TFunction, userDefined: boolean | null | undefined) =>
  t(userDefined === false ? 'parameters.kind.system' : 'parameters.kind.user');

export const templatePath = (project: string, id: string) =>
  `/p/${encodeURIComponent(project)}/parameters/${encodeURIComponent(id)}`;

/** The compare page with two sides: `t:<template id>` or `i:<instance id>`. */
export const comparePath = (project: string, left?: string, right?: string) => {
  const q = new URLSearchParams();
  if (left) q.set('left', left);
  if (right) q.set('right', right);
  const s = q.toString();
  return `/p/${encodeURIComponent(project)}/parameters/compare${s ? `?${s}` : ''}`;
};
