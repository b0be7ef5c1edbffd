export {
  consoleErrorBody,
  consoleInfo,
  consolePolicy,
  consoleSession,
  instanceEvent,
  jobEvent,
  snapshotEvent,
} from '@gaussdb-console/api-client/browser';
export { safeParse } from 'zod/v4/core';
