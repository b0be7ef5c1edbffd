import { z } from 'zod';
import { defineOperation } from './define';
import { list, num, obj, opt, str } from '../schema/tolerant';
import { idField } from '../schema/rules-backups';

// Slow-log exports (reference 4.8). The first POST answers an empty list and starts one export per
// node; later POSTs and the GET list them, `EXPORTING` until they turn `success` (D.48, LOG-1).

/** One node's slow-log export. `file_size` is a String of bytes ("719.0"); times are epoch ms. */
export const slowLogDownloadSchema = obj({
  id: str(),
  instance_id: opt(str()),
  node_id: opt(str()),
  workflow_id: opt(str()),
  file_name: opt(str()),
  file_size: opt(str()),
  file_link: opt(str()),
  bucket_name: opt(str()),
  created_at: opt(num()),
  updated_at: opt(num()),
  version: opt(str()),
  /** Seen: `EXPORTING`, `success`; no enum is defined (LOG-1). */
  status: opt(str()),
  message: opt(str()),
});
export type SlowLogDownload = z.output<typeof slowLogDownloadSchema>;

const instancePath = z.strictObject({ instance_id: idField('instance_id') });
const slowLogList = obj({ list: list(slowLogDownloadSchema) });

export const logOperations = {
  createSlowLogDownload: defineOperation({
    id: 'createSlowLogDownload',
    section: '4.8.1',
    title: 'Start exporting slow logs for download',
    titleZh: '创建慢日志下载信息',
    area: 'logs',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/slow-log/download',
    pathParams: instancePath,
    response: slowLogList,
    // Asynchronous in effect, but no job_id: progress is read with listSlowLogDownloads.
    successStatus: 202,
  }),

  listSlowLogDownloads: defineOperation({
    id: 'listSlowLogDownloads',
    section: '4.8.2',
    title: 'List slow-log exports',
    titleZh: '查询慢日志下载信息',
    area: 'logs',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/slow-log/download',
    pathParams: instancePath,
    response: slowLogList,
    successStatus: 200,
  }),
} as const;
