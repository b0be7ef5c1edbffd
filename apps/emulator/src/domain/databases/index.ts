/**
 * Databases, users, schemas and privileges (4.9.1–4.9.8). Loaded for its side effects from src/domain/index.ts:
 * the handlers, and the clean-up of an instance's SQL objects when the instance is removed for good.
 */
import { onInstanceRemoved } from '../instance-state';
import './handlers';
import { dropScope } from './service';

onInstanceRemoved((rt, inst) => dropScope(rt, inst.project_id, inst.id));
