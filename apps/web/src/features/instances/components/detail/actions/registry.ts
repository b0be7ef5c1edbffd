import { isBusyStatus, type Instance } from '@gaussdb-console/api-client/browser';
import type { TFunction } from 'i18next';
import { AddCoordinatorsDialog } from './add-coordinators-dialog';
import { AddShardsDialog } from './add-shards-dialog';
import { AdvancedFeaturesDialog } from './advanced-features-dialog';
import { DeleteDialog } from './delete-dialog';
import { EnlargeDiskDialog } from './enlarge-disk-dialog';
import { LoggerReplicaDialog } from './logger-replica-dialog';
import { PublicIpDialog } from './public-ip-dialog';
import { RenameDialog } from './rename-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';
import { ResizeFlavorDialog } from './resize-flavor-dialog';
import { RestartDialog } from './restart-dialog';
import { SslCertDialog } from './ssl-cert-dialog';
import { StandbyReplicaDialog } from './standby-replica-dialog';
import { StartNodesDialog } from './start-nodes-dialog';
import { StopNodesDialog } from './stop-nodes-dialog';
import { SwitchShardDialog } from './switch-shard-dialog';
import { UpgradeDialog } from './upgrade-dialog';
import { isDistributed, needsActive, type InstanceAction } from './action-types';

type Guard = InstanceAction['blockedBy'];

/** Allowed in the listed statuses; otherwise the usual reason (busy, or not in this status). */
const allowedIn =
  (...statuses: string[]): Guard =>
  (i, t) =>
    statuses.includes(i.status) ? undefined : needsActive(i, t);

/** Not while the instance is being created or another operation runs; settled states are fine. */
const notBusy = allowedIn('ACTIVE', 'FAILED', 'STORAGE FULL', 'UPGRADE TO BE OBSERVED');

const distributedOnly =
  (guard: Guard): Guard =>
  (i, t) =>
    isDistributed(i) ? guard(i, t) : t('instanceActions.blocked.distributedOnly');

/**
 * Replica-form switches (4.4.24/4.4.25): the reference offers them only for distributed independent deployments
 * with 1 primary + 2 standbys per shard (L3489, L3565; decision OPS-6), so centralized instances never see them.
 */
const distributedThreeReplicas =
  (guard: Guard): Guard =>
  (i: Instance, t: TFunction) => {
    if (!isDistributed(i)) return t('instanceActions.blocked.replicaFormDistributedOnly');
    if (i.replica_num != null && i.replica_num !== 3) return t('instanceActions.blocked.threeReplicas');
    return guard(i, t);
  };

/**
 * Every instance action the detail page offers, in menu order. Each entry names its operation (the
 * role check), its state guard (the reason shown when disabled) and its dialog.
 */
export const instanceActions: InstanceAction[] = [
  {
    key: 'restart',
    operationId: 'restartInstance',
    primary: true,
    blockedBy: needsActive,
    Dialog: RestartDialog,
  },
  { key: 'rename', operationId: 'renameInstance', blockedBy: needsActive, Dialog: RenameDialog },
  {
    key: 'resetPassword',
    operationId: 'resetRootPassword',
    blockedBy: needsActive,
    Dialog: ResetPasswordDialog,
  },
  { key: 'resizeFlavor', operationId: 'resizeFlavor', blockedBy: needsActive, Dialog: ResizeFlavorDialog },
  {
    key: 'enlargeDisk',
    operationId: 'expandInstance',
    blockedBy: allowedIn('ACTIVE', 'STORAGE FULL'),
    Dialog: EnlargeDiskDialog,
  },
  {
    key: 'addCoordinators',
    operationId: 'expandInstance',
    blockedBy: distributedOnly(needsActive),
    Dialog: AddCoordinatorsDialog,
  },
  {
    key: 'addShards',
    operationId: 'expandInstance',
    blockedBy: distributedOnly(needsActive),
    Dialog: AddShardsDialog,
  },
  {
    key: 'switchShard',
    operationId: 'switchShardPrimary',
    blockedBy: needsActive,
    Dialog: SwitchShardDialog,
  },
  {
    key: 'startNodes',
    operationId: 'startNodes',
    blockedBy: allowedIn('ACTIVE', 'FAILED'),
    Dialog: StartNodesDialog,
  },
  {
    key: 'stopNodes',
    operationId: 'stopNodes',
    danger: true,
    blockedBy: allowedIn('ACTIVE', 'FAILED'),
    Dialog: StopNodesDialog,
  },
  { key: 'publicIp', operationId: 'changeNodePublicIp', blockedBy: notBusy, Dialog: PublicIpDialog },
  {
    key: 'sslCert',
    operationId: 'getSslCertDownloadLink',
    blockedBy: (i, t) => (i.status === 'BUILD' ? needsActive(i, t) : undefined),
    Dialog: SslCertDialog,
  },
  {
    key: 'advancedFeatures',
    operationId: 'listAdvancedFeatures',
    blockedBy: notBusy,
    Dialog: AdvancedFeaturesDialog,
  },
  {
    key: 'toLogger',
    operationId: 'switchToLoggerReplica',
    danger: true,
    blockedBy: distributedThreeReplicas(needsActive),
    Dialog: LoggerReplicaDialog,
  },
  {
    key: 'toStandby',
    operationId: 'switchToStandbyReplica',
    danger: true,
    blockedBy: distributedThreeReplicas(needsActive),
    Dialog: StandbyReplicaDialog,
  },
  {
    key: 'upgrade',
    operationId: 'upgradeInstance',
    danger: true,
    blockedBy: allowedIn('ACTIVE', 'UPGRADE TO BE OBSERVED'),
    Dialog: UpgradeDialog,
  },
  {
    key: 'delete',
    operationId: 'deleteInstance',
    danger: true,
    // Deleting a failed instance is how a DBA cleans up; only a running operation blocks it.
    blockedBy: (i, t) => (isBusyStatus(i.status) ? needsActive(i, t) : undefined),
    Dialog: DeleteDialog,
  },
];
