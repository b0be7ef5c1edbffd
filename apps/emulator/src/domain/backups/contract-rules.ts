/**
 * Rules of the backup area that the contract defines but does not re-export from its package entry point
 * (`rules-backups.ts` is imported by the descriptors only). One import site, so switching to the package
 * export later is a one-line change.
 */
export {
  isIncrementalBackupType,
  parseOffsetTime,
} from '../../../../../packages/api-client/src/schema/rules-backups';
