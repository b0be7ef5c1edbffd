import { codeMessage } from '../http/errors';

/**
 * Why the background activity's jobs fail now and then: codes of the reference's error code table (its English
 * message, `error-codes.json`), one set per task, chosen for what goes wrong with that kind of work.
 */
const REASONS: Record<string, readonly string[]> = {
  RestartGaussDBV5Instance: ['DBS.200943', 'DBS.212009'],
  ResizeGaussDBV5Flavor: ['DBS.216028', 'DBS.200008', 'DBS.212009'],
  BackupSnapshotGaussDBV5Instance: ['DBS.200943', 'DBS.212009'],
  GaussDBV5ExpandClusterCN: ['DBS.200082', 'DBS.216028'],
  EnlargeGaussDBV5Volume: ['DBS.06010018', 'DBS.212009'],
};
const FALLBACK = ['DBS.212009'];

/** The failure reasons of a task: `DBS.216028: Insufficient internal resource quota.` */
export function failureReasons(jobName: string): string[] {
  return (REASONS[jobName] ?? FALLBACK).map(
    (code) => `${code}: ${codeMessage(code, 'en-us') ?? 'Task processing failed.'}`,
  );
}
