import type { Language } from '../../http/errors';
import { matchVersion, VERSIONS } from '../engine-versions';
import { seededId } from '../ids';
import type { HaMode } from '../instance-model';
import type { Scope } from './catalog';

/**
 * A template as every endpoint sees it: the user's (stored, ./model.ts) or a system one. System templates are
 * computed, one per engine version × deployment mode, with the same ids in every project, so they exist whatever
 * the seed and can never be changed (`user_defined` false).
 */
export interface Template {
  id: string;
  name: string;
  description: string;
  engine_version: string;
  mode: HaMode;
  /** Values that differ from the system defaults of (engine_version, mode). */
  values: Record<string, string>;
  created_at: number;
  updated_at: number;
  user_defined: boolean;
}

export const TEMPLATE_MODES: readonly HaMode[] = ['centralization_standard', 'enterprise', 'combined'];

const MODE_LABEL: Record<HaMode, { name: string; text: string; zh: string }> = {
  centralization_standard: {
    name: 'Centralized',
    text: 'Centralized (primary/standby)',
    zh: '集中式（主备版）',
  },
  enterprise: { name: 'Distributed', text: 'Distributed (independent deployment)', zh: '分布式（独立部署）' },
  combined: { name: 'Combined', text: 'Distributed (combined deployment)', zh: '分布式（混合部署）' },
};

/** Release date of each engine version's system templates (fixed, so dates are stable). */
const RELEASED: Record<string, number> = {
  '8.201': Date.UTC(2024, 7, 15, 2, 50, 30),
  '8.102': Date.UTC(2023, 11, 1, 3, 0, 0),
  '3.223': Date.UTC(2023, 4, 20, 6, 0, 0),
};

function systemTemplate(version: string, mode: HaMode): Template {
  const at = RELEASED[version] ?? Date.UTC(2024, 0, 1);
  return {
    id: seededId(`param-template:${version}:${mode}`, 'pr14'),
    name: `Default-Enterprise-Edition-GaussDB-${version}-${MODE_LABEL[mode].name}`,
    description: `Default parameter template for Enterprise Edition GaussDB ${version} ${MODE_LABEL[mode].text}`,
    engine_version: version,
    mode,
    values: {},
    created_at: at,
    updated_at: at,
    user_defined: false,
  };
}

/**
 * The description of a template in the caller's language: a system template's is the service's own text
 * (X-Language, like the parameters' descriptions); a user's is what the user wrote.
 */
export function templateDescription(t: Template, language: Language): string {
  if (t.user_defined || language !== 'zh-cn') return t.description;
  return `企业版 GaussDB ${t.engine_version} ${MODE_LABEL[t.mode].zh}默认参数模板`;
}

export const SYSTEM_TEMPLATES: readonly Template[] = VERSIONS.flatMap((v) =>
  TEMPLATE_MODES.map((m) => systemTemplate(v, m)),
);

export function findSystemTemplate(id: string): Template | undefined {
  return SYSTEM_TEMPLATES.find((t) => t.id === id);
}

/** The template an instance of `scope` uses when it was created without one. */
export function defaultTemplateFor(scope: Scope): Template | undefined {
  return SYSTEM_TEMPLATES.find((t) => t.engine_version === scope.version && t.mode === scope.mode);
}

export const isSystemName = (name: string) => SYSTEM_TEMPLATES.some((t) => t.name === name);

/**
 * The line a template's `engine_version` names (`2.3`, `8.201`; `V2.0-8.201` and `8.201.0` too), offered or
 * earlier (EMU-12); undefined when the emulator does not know the version.
 */
export function knownVersion(v: string): string | undefined {
  return matchVersion(v)?.line;
}
