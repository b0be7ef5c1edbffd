import { RESTRICTED_PORTS, SPECIAL_CHARS, passwordClasses } from '@gaussdb-console/api-client/browser';
import type { TFunction } from 'i18next';
import type { RequestIssue } from './contract-check';
import { shardCount, type WizardValues } from './wizard-values';

/**
 * Disk per shard of 4.4.1 (L1149): 40 GB … 16 TB in steps of 4 GB. The contract's validation is what
 * decides; these numbers only word the rule before the user types (the package root does not export
 * its VOLUME_GB_PER_SHARD_* constants).
 */
const GB_PER_SHARD_MIN = 40;
const GB_PER_SHARD_MAX = 16384;
const GB_STEP_PER_SHARD = 4;

/** The disk rule for `shards` shards; a restore also needs at least the source's disk (`atLeastGb`). */
export function volumeRule(shards: number, atLeastGb = 0) {
  const step = GB_STEP_PER_SHARD * shards;
  return {
    shards,
    step,
    min: Math.max(GB_PER_SHARD_MIN * shards, Math.ceil(atLeastGb / step) * step),
    max: GB_PER_SHARD_MAX * shards,
  };
}

/** What differs when the restore flow words the same fields: its password characters and its minimum disk. */
export interface RuleOptions {
  specials?: string;
  atLeastGb?: number;
  /** A restore names three AZs whatever the deployment (4.7.8). */
  restore?: boolean;
}

export const PASSWORD_SPECIALS = SPECIAL_CHARS.create;

/** The rule of each input, worded for the user: shown under the field before they type. */
export function ruleText(
  t: TFunction,
  field: string,
  v: WizardValues,
  o: RuleOptions = {},
): string | undefined {
  const k = (key: string, opts?: Record<string, unknown>) => t(`createInstance.rules.${key}`, opts);
  switch (field) {
    case 'name':
      return k('name');
    case 'password':
      return k('password', { specials: o.specials ?? PASSWORD_SPECIALS });
    case 'port':
      return k('port', { ports: RESTRICTED_PORTS.join(', ') });
    case 'volume.size':
      return o.atLeastGb
        ? k('volumeSizeRestore', { ...volumeRule(shardCount(v), o.atLeastGb), source: o.atLeastGb })
        : k('volumeSize', volumeRule(shardCount(v)));
    case 'sharding_num':
      return k('shards');
    case 'coordinator_num':
      return k('coordinators', { max: 2 * shardCount(v) });
    case 'availability_zone':
      if (o.restore) return k('azRestore');
      return v.ha.mode === 'centralization_standard' && v.solution === 'double'
        ? k('azDouble')
        : k('azThree');
    case 'backup_strategy.start_time':
      return k('backupWindow');
    case 'backup_strategy.keep_days':
      return k('keepDays');
    case 'time_zone':
      return k('timeZone');
    case 'tags':
      return k('tags');
    default:
      return undefined;
  }
}

/**
 * Words a failed rule of the contract in the user's language. The contract's English message is the
 * fallback, so a rule added later still says what is wrong.
 */
export function issueText(t: TFunction, issue: RequestIssue, v: WizardValues, o: RuleOptions = {}): string {
  const e = (key: string, opts?: Record<string, unknown>) => t(`createInstance.errors.${key}`, opts);
  switch (issue.path) {
    case 'name':
      return e('name', { rule: ruleText(t, 'name', v) });
    case 'password': {
      const foreign = passwordClasses(v.password, o.specials ?? PASSWORD_SPECIALS).foreign[0];
      if (v.password.length === 0) return e('required');
      return foreign && v.password.length >= 8 && v.password.length <= 32
        ? e('passwordChar', { char: foreign })
        : e('password', { rule: ruleText(t, 'password', v, o) });
    }
    case 'port':
      return (RESTRICTED_PORTS as readonly number[]).includes(Number(v.port))
        ? e('portRestricted', { port: v.port })
        : e('port', { rule: ruleText(t, 'port', v) });
    case 'volume.size': {
      const r = volumeRule(shardCount(v), o.atLeastGb);
      if (issue.dbsCode === 'DBS.280611') return e('volumeStep', r);
      if (issue.dbsCode === 'DBS.280612') return e('volumeMax', r);
      return e('volumeRange', r);
    }
    case 'volume.type':
      return e('chooseStorage');
    case 'flavor_ref':
      return e('chooseFlavor');
    case 'availability_zone':
      return e('availabilityZone', { rule: ruleText(t, 'availability_zone', v, o) });
    case 'master_az':
      return e('masterAz');
    case 'solution':
      return issue.dbsCode === 'DBS.280629' ? e('doubleVersion') : e('solution');
    case 'ha.consistency_protocol':
      return e('paxosOnly');
    case 'sharding_num':
      return e('shards', { rule: ruleText(t, 'sharding_num', v) });
    case 'coordinator_num':
      return e('coordinators', { rule: ruleText(t, 'coordinator_num', v) });
    case 'vpc_id':
    case 'subnet_id':
    case 'datastore.version':
      return e('required');
    case 'region':
      return e('region');
    case 'backup_strategy.start_time':
      return e('backupWindow', { rule: ruleText(t, 'backup_strategy.start_time', v) });
    case 'backup_strategy.keep_days':
      return e('keepDays', { rule: ruleText(t, 'backup_strategy.keep_days', v) });
    case 'time_zone':
      return e('timeZone', { rule: ruleText(t, 'time_zone', v) });
    default:
      return issue.message;
  }
}
