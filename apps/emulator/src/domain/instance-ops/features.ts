import { ApiError } from '../../http/errors';
import { registerHandler } from '../../http/handlers';
import type { JobDoc } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import { compareVersions } from '../flavors';
import type { InstanceDoc } from '../instance-model';
import { assertActionAllowed, registerInstanceEffect, startInstanceAction } from '../instance-state';
import { assertNoStoppedNodes, instanceOf, OPS_DURATIONS } from './common';
import {
  ADVANCED_FEATURE_EDITION_CODES,
  ADVANCED_FEATURES,
  type AdvancedFeatureName,
} from './contract-rules';
import { getOps, updateOps } from './ops-state';

/**
 * 4.4.26 / 4.4.27: advanced features (OPS-7). `status` mirrors `value` (`on`/`off`). Editions: the hybrid
 * (`combined`, basic edition) lacks tamper-proof ledgers and dynamic masking; vector databases are a
 * centralized feature from kernel 8.201.
 */

const DESCRIPTIONS: Record<AdvancedFeatureName, { zh: string; en: string }> = {
  ledger: { zh: '防篡改', en: 'Tamper-proof ledger database' },
  ilm: { zh: '高级压缩', en: 'Advanced compression (information lifecycle management)' },
  security: { zh: '动态数据脱敏', en: 'Dynamic data masking' },
  vectordb: { zh: '向量数据库', en: 'Vector database' },
};

/** Why the instance's edition lacks `feature` (its code and reason), or undefined when it has it. */
export function editionGap(
  inst: InstanceDoc,
  feature: AdvancedFeatureName,
): { code: string; reason: string } | undefined {
  const code = ADVANCED_FEATURE_EDITION_CODES[feature];
  if (!code) return undefined;
  if (inst.mode === 'combined' && (feature === 'ledger' || feature === 'security'))
    return { code, reason: 'the basic (hybrid) edition' };
  if (
    feature === 'vectordb' &&
    (inst.mode !== 'centralization_standard' || compareVersions(inst.datastore.version, '8.201') < 0)
  ) {
    return { code, reason: 'vector databases need a centralized instance on kernel 8.201 or later' };
  }
  return undefined;
}

registerHandler('listAdvancedFeatures', (ctx) => {
  const { inst } = instanceOf(ctx);
  const values = getOps(ctx.rt, inst.project_id, inst.id).features;
  const features = ADVANCED_FEATURES.filter((f) => !editionGap(inst, f)).map((name) => {
    const value = values[name] ?? 'off';
    return {
      name,
      status: value,
      description: ctx.language === 'zh-cn' ? DESCRIPTIONS[name].zh : DESCRIPTIONS[name].en,
      type: 'boolean',
      value,
      range: 'on|off',
      range_description: ctx.language === 'zh-cn' ? 'on：开启；off：关闭' : 'on: enabled; off: disabled',
    };
  });
  return { features };
});

export function modifyAdvancedFeatures(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  params: Record<string, string>,
): JobDoc {
  assertActionAllowed(inst, 'configure');
  assertNoStoppedNodes(inst, 'Changing advanced features');
  for (const name of Object.keys(params) as AdvancedFeatureName[]) {
    const gap = editionGap(inst, name);
    if (gap)
      throw new ApiError(
        400,
        gap.code,
        `params.${name}: not available on this instance (${gap.reason}).`,
        `params.${name}`,
      );
  }
  return startInstanceAction(rt, inst, 'configure', {
    jobName: 'ModifyGaussDBV5AdvancedFeatures',
    durationMs: OPS_DURATIONS.features,
    onComplete: { kind: 'ops.featuresChanged', args: { params } },
  });
}

registerHandler('modifyAdvancedFeatures', (ctx) => {
  const { inst } = instanceOf(ctx);
  return { job_id: modifyAdvancedFeatures(ctx.rt, inst, ctx.body.params).id };
});

registerInstanceEffect('ops.featuresChanged', (rt, args, job) => {
  const params = args.params as Record<string, 'on' | 'off'>;
  updateOps(rt, job.project_id, job.instance_id, (d) => ({ ...d, features: { ...d.features, ...params } }));
});
