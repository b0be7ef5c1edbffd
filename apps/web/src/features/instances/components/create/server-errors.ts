import { BffError } from '../../../../shared/lib/bff';
import { stepOfPath } from './wizard-values';

/**
 * The field a DBS code is about when the server names no field (A.4 of the catalog): the rule codes the
 * contract registers on the create body's fields.
 */
const FIELD_OF_CODE: Record<string, string> = {
  'DBS.200021': 'name',
  'DBS.200052': 'password',
  'DBS.280364': 'port',
  'DBS.200023': 'volume.size',
  'DBS.280611': 'volume.size',
  'DBS.280612': 'volume.size',
  'DBS.200026': 'volume.type',
  'DBS.200025': 'availability_zone',
  'DBS.280288': 'flavor_ref',
  'DBS.200048': 'vpc_id',
  'DBS.200049': 'subnet_id',
  'DBS.280216': 'backup_strategy.start_time',
  'DBS.280214': 'backup_strategy.keep_days',
  'DBS.280447': 'time_zone',
  'DBS.200057': 'configuration_id',
  'DBS.280635': 'solution',
  'DBS.280629': 'solution',
  'DBS.280601': 'sharding_num',
  'DBS.280600': 'coordinator_num',
  'DBS.200041': 'datastore.version',
};

/** `tags[0].key`, `/volume/size` or `body.volume.size` → `tags.0.key`, `volume.size`: the form's path spelling. */
export const formPath = (p: string) =>
  p.replace(/\[(\d+)\]/g, '.$1').replace(/\//g, '.').replace(/^\.+/, '').replace(/^body\./, '');

export interface ServerFieldError {
  path: string;
  message: string;
}

/** The fields a refused create concerns, each with the server's message verbatim. */
export function serverFieldErrors(error: unknown): ServerFieldError[] {
  if (!(error instanceof BffError)) return [];
  const own = (error.fields ?? []).map((f) => ({ path: formPath(f.path), message: f.message })).filter((f) => stepOfPath(f.path));
  if (own.length > 0) return own;
  const path = FIELD_OF_CODE[error.code];
  return path ? [{ path, message: error.message }] : [];
}
