/**
 * Tenants of multi-tenant instances (4.10.1–4.10.15). Loaded for its side effects from src/domain/index.ts:
 * handlers, the tenant job outcomes (registered by ./lifecycle), and the clean-up when an instance is removed.
 */
import { dropScope } from '../databases/service';
import { onInstanceRemoved } from '../instance-state';
import './handlers';
import { tenancyCollection, tenants, tenantsOf } from './model';
import './sql-handlers';

onInstanceRemoved((rt, inst) => {
  for (const t of tenantsOf(rt, inst)) {
    dropScope(rt, inst.project_id, inst.id, t.id);
    tenants(rt).delete(inst.project_id, t.id);
  }
  rt.store.collection(tenancyCollection).delete(inst.project_id, inst.id);
});
