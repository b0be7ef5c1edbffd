import { registerHandler } from '../../http/handlers';
import { paging, requireProject } from '../context';
import { getInstanceOr404 } from '../instance-state';
import { applyTemplate } from './apply';
import {
  freezeInstanceParameters,
  instanceParameterState,
  modifyInstanceParameters,
} from './instance-parameters';
import { applyRecords, modifyRecords, offsetDateTime } from './model';
import {
  applicableInstances,
  compareTemplates,
  copyTemplate,
  createTemplate,
  deleteTemplate,
  listTemplates,
  nameExists,
  requireTemplate,
  resetTemplate,
} from './templates';
import {
  applyRecordView,
  instanceParametersView,
  modifyRecordView,
  templateDetailView,
  templateListView,
} from './views';

/** 4.5.1–4.5.14: each handler parses, calls the domain with plain arguments and maps the result. */

registerHandler('listParameterTemplates', (ctx) => {
  const project = requireProject(ctx);
  const { offset, limit } = paging(ctx.query);
  const page = listTemplates(ctx.rt, project.id, offset, limit);
  return { configurations: page.items.map((t) => templateListView(t, ctx.language)), count: page.total };
});

registerHandler('getInstanceParameters', (ctx) => {
  const project = requireProject(ctx);
  const inst = getInstanceOr404(ctx.rt, project.id, ctx.path.instance_id);
  return instanceParametersView(inst, instanceParameterState(ctx.rt, inst), ctx.language);
});

registerHandler('modifyInstanceParameters', (ctx) => {
  const project = requireProject(ctx);
  const inst = getInstanceOr404(ctx.rt, project.id, ctx.path.instance_id);
  const outcome = modifyInstanceParameters(ctx.rt, inst, ctx.body.values, ctx.rt.clock.now());
  return { restart_required: outcome.restartRequired };
});

registerHandler('createParameterTemplate', (ctx) => {
  const project = requireProject(ctx);
  const t = createTemplate(ctx.rt, project.id, ctx.body, ctx.rt.clock.now());
  return { id: t.id, name: t.name, created_at: offsetDateTime(t.created_at) };
});

registerHandler('deleteParameterTemplate', (ctx) => {
  const project = requireProject(ctx);
  deleteTemplate(ctx.rt, project.id, ctx.path.config_id);
  return undefined;
});

registerHandler('getParameterTemplate', (ctx) => {
  const project = requireProject(ctx);
  return templateDetailView(requireTemplate(ctx.rt, project.id, ctx.path.config_id), ctx.language);
});

registerHandler('copyParameterTemplate', (ctx) => {
  const project = requireProject(ctx);
  const t = copyTemplate(ctx.rt, project.id, ctx.path.config_id, ctx.body, ctx.rt.clock.now());
  return { config_id: t.id };
});

registerHandler('resetParameterTemplate', (ctx) => {
  const project = requireProject(ctx);
  resetTemplate(ctx.rt, project.id, ctx.path.config_id, ctx.rt.clock.now(), (insts) =>
    freezeInstanceParameters(ctx.rt, insts),
  );
  return undefined;
});

registerHandler('compareParameterTemplates', (ctx) => {
  const project = requireProject(ctx);
  const source = requireTemplate(ctx.rt, project.id, ctx.body.source_id, 'source_id');
  const target = requireTemplate(ctx.rt, project.id, ctx.body.target_id, 'target_id');
  return { differences: compareTemplates(source, target) };
});

registerHandler('listApplicableInstances', (ctx) => {
  const project = requireProject(ctx);
  const t = requireTemplate(ctx.rt, project.id, ctx.path.config_id);
  const { offset, limit } = paging(ctx.query);
  const all = applicableInstances(ctx.rt, project.id, t);
  return {
    instances: all.slice(offset, offset + limit).map((i) => ({ instance_id: i.id, instance_name: i.name })),
    total_count: all.length,
  };
});

registerHandler('checkParameterTemplateName', (ctx) => {
  const project = requireProject(ctx);
  return { exist: nameExists(ctx.rt, project.id, ctx.query.name) };
});

registerHandler('applyParameterTemplate', (ctx) => {
  const project = requireProject(ctx);
  const t = requireTemplate(ctx.rt, project.id, ctx.path.config_id);
  const job = applyTemplate(ctx.rt, project.id, t, ctx.body.instance_ids, ctx.rt.clock.now());
  return { job_id: job.id };
});

registerHandler('listTemplateApplyHistory', (ctx) => {
  const project = requireProject(ctx);
  const t = requireTemplate(ctx.rt, project.id, ctx.path.config_id);
  const { offset, limit } = paging(ctx.query);
  const page = applyRecords(ctx.rt).find({
    projectId: project.id,
    where: [{ col: 'config_id', op: '=', value: t.id }],
    orderBy: [{ col: 'applied_at', desc: true }],
    offset,
    limit,
  });
  return { histories: page.items.map(applyRecordView), total_count: page.total };
});

registerHandler('listTemplateModifyHistory', (ctx) => {
  const project = requireProject(ctx);
  const t = requireTemplate(ctx.rt, project.id, ctx.path.config_id);
  const { offset, limit } = paging(ctx.query);
  const page = modifyRecords(ctx.rt).find({
    projectId: project.id,
    where: [
      { col: 'owner_id', op: '=', value: t.id },
      { col: 'scope', op: '=', value: 'template' },
    ],
    orderBy: [{ col: 'updated_at', desc: true }],
    offset,
    limit,
  });
  return { histories: page.items.map(modifyRecordView), total_count: page.total };
});
