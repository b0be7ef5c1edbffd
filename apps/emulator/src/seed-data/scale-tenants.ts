import { HOUR } from '../clock/clock';
import { createUser } from '../domain/databases/service';
import { seededId } from '../domain/ids';
import type { InstanceDoc } from '../domain/instance-model';
import { planTenant, storeTenant, TENANT_JOBS } from '../domain/tenants/lifecycle';
import { enableMultiTenancy } from '../domain/tenants/model';
import { tenantTemplates } from '../domain/tenants/parameters';
import type { EmulatorRuntime } from '../runtime';

/** Every this-many-th instance, counted from index 1, is a multi-tenant container when it is centralized. */
export const SCALE_CONTAINER_EVERY = 50;

const SEED_PASSWORD = 'Scale_Passw0rd!';

/** Whether `scale-<index>` is a multi-tenant container in a `scale:N` seed. */
export const isScaleContainer = (index: number, inst: Pick<InstanceDoc, 'mode'>) =>
  index % SCALE_CONTAINER_EVERY === 1 && inst.mode === 'centralization_standard';

/**
 * A real fleet has a few multi-tenant instances among many (4.10): in a `scale:N` seed, one centralized
 * instance in fifty (scale-00001, scale-00051, ...) is a container holding one tenant (`tenant_<index>`,
 * 1 vCPU, 4 GB, 20 GB), built by the same domain functions as the API, so tenant pages and their tests have
 * containers to work on. Runs after the instances are stored (the checks read the store).
 */
export function loadScaleTenants(
  rt: EmulatorRuntime,
  instances: readonly { index: number; doc: InstanceDoc }[],
): void {
  for (const { index, doc } of instances) {
    if (!isScaleContainer(index, doc)) continue;
    const at = doc.created_at + HOUR;
    enableMultiTenancy(rt, doc, at);
    const template = tenantTemplates(doc)[0]!;
    const planned = planTenant(
      rt,
      doc,
      {
        pdb_name: `tenant_${index}`,
        pdb_pd_in_db: SEED_PASSWORD,
        cpu: 1,
        mem: 4,
        disk: '20',
        configuration_id: template.id,
      },
      at,
      seededId(`scale:tenant:${index}`, 'po14'),
    );
    const ready = at + TENANT_JOBS.create.durationMs;
    const tenant = storeTenant(rt, { ...planned, status: 'normal', updated_at: ready }, SEED_PASSWORD);
    createUser(
      rt,
      { projectId: doc.project_id, instanceId: doc.id, pdbId: tenant.id },
      { name: `app_${index}`, password: SEED_PASSWORD },
      ready,
    );
  }
}
