import { registerHandler } from '../../http/handlers';
import { requireProject } from '../context';
import { getInstanceOr404 } from '../instance-state';
import { addTags, deleteTag, PREDEFINED_TAGS, projectTags } from './service';

/** 4.11.1–4.11.5. Tags can be read and changed in any instance status except frozen (changes only). */

registerHandler('listInstanceTags', (ctx) => {
  const project = requireProject(ctx);
  const inst = getInstanceOr404(ctx.rt, project.id, ctx.path.instance_id);
  return { tags: inst.tags.map((t) => ({ key: t.key, value: [t.value] })), total_count: inst.tags.length };
});

registerHandler('listProjectTags', (ctx) => ({ tags: projectTags(ctx.rt, requireProject(ctx).id) }));

registerHandler('listPredefinedTags', (ctx) => {
  requireProject(ctx);
  return { tags: PREDEFINED_TAGS.map((t) => ({ key: t.key, values: [...t.values] })) };
});

registerHandler('addInstanceTags', (ctx) => {
  const project = requireProject(ctx);
  const inst = addTags(ctx.rt, getInstanceOr404(ctx.rt, project.id, ctx.path.instance_id), ctx.body.tags);
  return { instance_id: inst.id, instance_name: inst.name };
});

registerHandler('deleteInstanceTag', (ctx) => {
  const project = requireProject(ctx);
  const inst = deleteTag(ctx.rt, getInstanceOr404(ctx.rt, project.id, ctx.path.instance_id), ctx.query.key);
  return { result: 'succeed', instance_id: inst.id, instance_name: inst.name };
});
