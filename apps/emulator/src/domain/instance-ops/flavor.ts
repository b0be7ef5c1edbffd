import type { Project } from '../../auth/projects';
import { JOB_DURATIONS } from '../../jobs/job-model';
import { ApiError } from '../../http/errors';
import { registerHandler, type ContextOf } from '../../http/handlers';
import type { JobDoc } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import { paging } from '../context';
import { azStatus, findFlavor, FLAVORS, type Flavor } from '../flavors';
import type { InstanceDoc } from '../instance-model';
import { assertActionAllowed, registerInstanceEffect, startInstanceAction } from '../instance-state';
import { accepted, assertNoStoppedNodes, instanceOf, updateInstance } from './common';

/**
 * 4.2.4 (flavors an instance can move to), 4.4.10 and 5.1.3 (resize). Scale-up only: more vCPUs **and** more
 * memory, same deployment mode and CPU architecture (L2406-2408). The list and the check share one rule.
 */
export function resizeTargets(inst: InstanceDoc): Flavor[] {
  const current = findFlavor(inst.flavor_ref);
  const arch = current?.arch ?? (/arm|km1/.test(inst.flavor_ref) ? 'arm' : 'x86');
  return FLAVORS.filter(
    (f) => f.modes.includes(inst.mode) && f.arch === arch && f.vcpus > inst.vcpus && f.ram > inst.ram,
  );
}

export function availableFlavorRow(f: Flavor, project: Project) {
  // Both spellings: `spec_cpde` is the reference's typo (table and example), `spec_code` what it means (D.14).
  return {
    vcpus: String(f.vcpus),
    ram: String(f.ram),
    spec_code: f.spec_code,
    spec_cpde: f.spec_code,
    az_status: azStatus(f, project),
  };
}

registerHandler('listAvailableFlavors', (ctx) => {
  const { project, inst } = instanceOf(ctx);
  const { offset, limit } = paging(ctx.query, 100);
  const rows = resizeTargets(inst).map((f) => availableFlavorRow(f, project));
  return { flavors: rows.slice(offset, offset + limit), total_count: rows.length };
});

export function resizeFlavor(rt: EmulatorRuntime, inst: InstanceDoc, flavorRef: string): JobDoc {
  assertActionAllowed(inst, 'resizeFlavor');
  assertNoStoppedNodes(inst, 'Changing the flavor');
  const target = resizeTargets(inst).find((f) => f.spec_code === flavorRef);
  if (!target) {
    const f = findFlavor(flavorRef);
    const why = !f
      ? 'no such flavor'
      : f.spec_code === inst.flavor_ref
        ? 'it is the current flavor'
        : !f.modes.includes(inst.mode)
          ? `it is not a flavor for ${inst.mode} instances`
          : f.arch !== (findFlavor(inst.flavor_ref)?.arch ?? f.arch)
            ? `its CPU architecture (${f.arch}) differs from the instance's`
            : `it must have more vCPUs and more memory than the current ${inst.vcpus} vCPUs / ${inst.ram} GB`;
    throw new ApiError(
      400,
      'DBS.280661',
      `flavor_ref: cannot resize to ${flavorRef}: ${why}. GET …/available-flavors lists the possible targets.`,
      'flavor_ref',
    );
  }
  return startInstanceAction(rt, inst, 'resizeFlavor', {
    jobName: 'ResizeGaussDBV5Flavor',
    durationMs: JOB_DURATIONS.ResizeGaussDBV5Flavor,
    onComplete: { kind: 'ops.flavorResized', args: { flavor_ref: target.spec_code } },
  });
}

// 4.4.15 and its v3 twin (5.1.3) take the same path and body.
const resizeHandler = (ctx: ContextOf<'resizeFlavor'>) => {
  const { inst } = instanceOf(ctx);
  return accepted(inst, resizeFlavor(ctx.rt, inst, ctx.body.flavor_ref));
};
registerHandler('resizeFlavor', resizeHandler);
registerHandler('resizeFlavorV3', (ctx) => resizeHandler(ctx));

registerInstanceEffect('ops.flavorResized', (rt, args, job) => {
  const f = findFlavor(String(args.flavor_ref));
  if (!f) return;
  updateInstance(rt, job.project_id, job.instance_id, (i) => ({
    ...i,
    flavor_ref: f.spec_code,
    vcpus: f.vcpus,
    ram: f.ram,
  }));
});
