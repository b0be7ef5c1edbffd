import type { EmulatorRuntime } from '../../runtime';
import { defineCollection } from '../../store/collection';

/** One node's slow-log export (4.8.1/4.8.2). Times are emulator-clock epoch ms. */
export interface SlowLogExportDoc {
  id: string;
  project_id: string;
  instance_id: string;
  node_id: string;
  workflow_id: string;
  file_name: string;
  /** Bytes, as the reference writes them (`"719.0"`); "0.0" until the export is done. */
  file_size: string;
  file_link: string | null;
  bucket_name: string | null;
  created_at: number;
  updated_at: number;
  version: string | null;
  /** `EXPORTING` → `success` (or `failed` for a node that could not export), as the examples spell them. */
  status: 'EXPORTING' | 'success' | 'failed';
  message: string | null;
  /** When an EXPORTING entry is done. */
  ready_at: number;
  /** Bytes the file will have. */
  final_size: number;
}

export const slowLogExportsCollection = defineCollection<SlowLogExportDoc>({
  name: 'slow_log_exports',
  columns: {
    instance_id: { type: 'TEXT', get: (d) => d.instance_id },
    created_at: { type: 'INTEGER', get: (d) => d.created_at },
    // Only exports still running have a due time: the sweeper's query touches nothing else.
    ready_at: { type: 'INTEGER', get: (d) => (d.status === 'EXPORTING' ? d.ready_at : null) },
  },
});

export const slowLogExports = (rt: EmulatorRuntime) => rt.store.collection(slowLogExportsCollection);
