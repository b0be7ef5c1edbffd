import { randomUUID } from 'node:crypto';
import { ApiError } from '../../http/errors';
import { registerJobEffect } from '../../jobs/effects';
import type { JobDoc } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import type { InstanceDoc, InstanceStatus } from '../instance-model';
import { assertActionAllowed, getInstanceOr404, INSTANCE_ACTIONS, instances } from '../instance-state';
import { defaultsOf } from './catalog';
import { setInstanceValues } from './instance-parameters';
import { applyRecords } from './model';
import type { Template } from './system-templates';

/**
 * 4.5.12: applying a template is one job (`ApplyGaussDBV5ParameterTemplate`, PARAM-7) for all target instances.
 * Each instance is MODIFYING while it runs (the state machine's `configure` action) and gets an application
 * record (4.5.13) that goes APPLYING → SUCCESS | FAILED when the job ends.
 */
export const APPLY_JOB_NAME = 'ApplyGaussDBV5ParameterTemplate';
/** Emulator time: a reload on every node, longer with more instances. */
export const APPLY_DURATION_MS = 90_000;
const PER_EXTRA_INSTANCE_MS = 30_000;
/** Recorded on an instance whose application failed (the reference's "Application failed."). */
export const APPLY_FAILED_CODE = 'DBS.212011';

const CONFIGURE = INSTANCE_ACTIONS.configure;

export function applyTemplate(
  rt: EmulatorRuntime,
  projectId: string,
  template: Template,
  instanceIds: readonly string[],
  now: number,
): JobDoc {
  const targets: InstanceDoc[] = instanceIds.map((id) => getInstanceOr404(rt, projectId, id));
  for (const inst of targets) {
    if (inst.datastore.version !== template.engine_version || inst.mode !== template.mode) {
      throw new ApiError(
        409,
        'DBS.280406',
        `The template is for GaussDB ${template.engine_version} (${template.mode}); ${inst.name} is ${inst.datastore.version} (${inst.mode}). List the instances it fits with GET …/configurations/${template.id}/applicable-instances.`,
        'instance_ids',
      );
    }
    assertActionAllowed(inst, 'configure');
  }
  const first = targets[0]!;
  const job = rt.jobs.createJob({
    projectId,
    name: APPLY_JOB_NAME,
    instanceId: first.id,
    instanceName: first.name,
    durationMs: APPLY_DURATION_MS + PER_EXTRA_INSTANCE_MS * (targets.length - 1),
    onComplete: {
      kind: 'parameters.applied',
      args: {
        config_id: template.id,
        values: template.values,
        targets: targets.map((t) => ({ id: t.id, previous: t.status })),
      },
    },
    onFail: {
      kind: 'parameters.applyFailed',
      args: { config_id: template.id, targets: targets.map((t) => ({ id: t.id, previous: t.status })) },
    },
  });
  for (const inst of targets) {
    instances(rt).put({
      ...inst,
      status: CONFIGURE.during,
      pending: { action: 'configure', job_id: job.id },
    });
    applyRecords(rt).put({
      id: randomUUID(),
      project_id: projectId,
      config_id: template.id,
      instance_id: inst.id,
      instance_name: inst.name,
      job_id: job.id,
      apply_result: 'APPLYING',
      applied_at: now,
      error_code: null,
    });
  }
  return job;
}

interface Target {
  id: string;
  previous: InstanceStatus;
}

function finishTarget(
  rt: EmulatorRuntime,
  job: JobDoc,
  target: Target,
  ok: boolean,
): InstanceDoc | undefined {
  const col = instances(rt);
  const inst = col.get(job.project_id, target.id);
  if (!inst) return undefined;
  // Only undo what this job did: another operation may own the instance by now.
  if (inst.pending?.job_id !== job.id) return inst;
  const status = (ok ? CONFIGURE.after : CONFIGURE.afterFail) ?? target.previous;
  const next = { ...inst, status, pending: null, updated_at: job.due_at };
  col.put(next);
  return next;
}

function settleRecords(rt: EmulatorRuntime, job: JobDoc, instanceId: string, ok: boolean): void {
  const recs = applyRecords(rt).all({
    projectId: job.project_id,
    where: [
      { col: 'job_id', op: '=', value: job.id },
      { col: 'instance_id', op: '=', value: instanceId },
    ],
  });
  for (const r of recs) {
    applyRecords(rt).put({
      ...r,
      apply_result: ok ? 'SUCCESS' : 'FAILED',
      applied_at: job.due_at,
      error_code: ok ? null : APPLY_FAILED_CODE,
    });
  }
}

registerJobEffect('parameters.applied', (rt, args, job) => {
  const configId = String(args.config_id);
  const own = (args.values ?? {}) as Record<string, string>;
  for (const target of (args.targets ?? []) as Target[]) {
    const inst = finishTarget(rt, job, target, true);
    if (!inst) {
      settleRecords(rt, job, target.id, false);
      continue;
    }
    // The whole template replaces the instance's values, including those changed on the instance since.
    const values = defaultsOf({ version: inst.datastore.version, mode: inst.mode });
    for (const [k, v] of Object.entries(own)) if (k in values) values[k] = v;
    setInstanceValues(rt, inst, values, job.due_at, configId);
    settleRecords(rt, job, target.id, true);
  }
});

registerJobEffect('parameters.applyFailed', (rt, args, job) => {
  for (const target of (args.targets ?? []) as Target[]) {
    finishTarget(rt, job, target, false);
    settleRecords(rt, job, target.id, false);
  }
});
