// Request rules of parameter templates (4.5), backup & restore (4.7, ext.recovery) and slow logs (4.8):
// every validated field has a passing and a failing case; a failure names the field and carries the DBS
// code the emulator answers with (decisions/30-parameters-backups.md).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { dbsCodeForPath } from '../src/schema/error-codes';
import { parameterOperations } from '../src/operations/parameters';
import { backupOperations, isRestoreToNewInstanceBody } from '../src/operations/backups';
import { logOperations } from '../src/operations/logs';
import type { OperationDescriptor } from '../src/operations/define';
import { isIncrementalBackupType, parseOffsetTime } from '../src/schema/rules-backups';

type Part = 'path' | 'query' | 'body';
const schemaOf = (op: OperationDescriptor, part: Part): z.ZodType =>
  part === 'path' ? op.pathParams : part === 'query' ? op.query : op.body;

const P = parameterOperations;
const B = backupOperations;
const ID = 'b331ed66cc3249f78bc20737308c01f4in14';
const ID2 = '8303819fd8744ef69f34595e9710a33din14';
const BR = '2f4ddb93b9014b0893d81d2e472f30febr14';
const PR = '3ca44134a16d4bbab8eb701e025b19f7pr14';

const templateBody = {
  name: 'paramTemplate',
  description: '',
  parameter_values: { audit_system_object: '12294' },
  datastore: { engine_version: '2.3', instance_mode: 'ha' },
};
const policy = {
  keep_days: 7,
  start_time: '19:00-20:00',
  period: '1,2,3,4,5',
  differential_period: '30',
  rate_limit: 75,
  prefetch_block: 64,
  file_split_size: 4,
  enable_standby_backup: false,
};
const restoreBody = {
  name: 'targetInst',
  availability_zone: 'az1,az2,az3',
  flavor_ref: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.in',
  volume: { type: 'ULTRAHIGH', size: 160 },
  vpc_id: '490a4a08-ef4b-44c5-94be-3051ef9e4fce',
  subnet_id: '0e2eda62-1d42-4d64-a9d1-4e9aa9cd994f',
  password: 'Gauss_2024ok',
  restore_point: { instance_id: ID, backup_id: BR },
  port: '8000',
  time_zone: 'UTC+04:00',
};
const recovery = { source: { instance_id: ID, type: 'backup', backup_id: BR }, target: { instance_id: ID2 } };
const listQuery = {
  instance_id: ID,
  begin_time: '2022-05-09T16:15:50+0800',
  end_time: '2022-05-09T16:20:45+0800',
};

interface Case {
  what: string;
  op: OperationDescriptor;
  part: Part;
  input: unknown;
  /** Absent: the input is valid. */
  reject?: { field: string; code: string };
}

const ok = (what: string, op: OperationDescriptor, part: Part, input: unknown): Case => ({
  what,
  op,
  part,
  input,
});
const bad = (
  what: string,
  op: OperationDescriptor,
  part: Part,
  input: unknown,
  field: string,
  code: string,
): Case => ({
  what,
  op,
  part,
  input,
  reject: { field, code },
});

const cases: Case[] = [
  // 4.5.x path and query ids
  ok('config_id', P.getParameterTemplate, 'path', { config_id: PR }),
  bad(
    'config_id with a slash',
    P.getParameterTemplate,
    'path',
    { config_id: 'a/b' },
    'config_id',
    'DBS.200057',
  ),
  ok('instance_id', P.getInstanceParameters, 'path', { instance_id: ID }),
  bad(
    'blank instance_id',
    P.getInstanceParameters,
    'path',
    { instance_id: ' ' },
    'instance_id',
    'DBS.280404',
  ),
  ok('list paging', P.listParameterTemplates, 'query', { offset: '0', limit: '100' }),
  bad('limit over 100', P.listParameterTemplates, 'query', { limit: '101' }, 'limit', 'DBS.280439'),
  bad('negative offset', P.listTemplateApplyHistory, 'query', { offset: '-1' }, 'offset', 'DBS.280440'),
  ok('name to check', P.checkParameterTemplateName, 'query', { name: 'paramTemplate-a9f3' }),
  bad(
    'name to check with a space',
    P.checkParameterTemplateName,
    'query',
    { name: 'param template' },
    'name',
    'DBS.212017',
  ),
  bad('name to check missing', P.checkParameterTemplateName, 'query', {}, 'name', 'DBS.212017'),
  // 4.5.3
  ok('values', P.modifyInstanceParameters, 'body', { values: { failed_login_attempts: '4' } }),
  ok('numeric values', P.modifyInstanceParameters, 'body', { values: { max_replication_slots: 25 } }),
  bad('empty values', P.modifyInstanceParameters, 'body', { values: {} }, 'values', 'DBS.212017'),
  bad(
    'a value that is an object',
    P.modifyInstanceParameters,
    'body',
    { values: { work_mem: { v: 1 } } },
    'values',
    'DBS.212017',
  ),
  bad(
    'a parameter name with a space',
    P.modifyInstanceParameters,
    'body',
    { values: { 'work mem': '4' } },
    'values',
    'DBS.212017',
  ),
  bad(
    'unknown body field',
    P.modifyInstanceParameters,
    'body',
    { values: { a: '1' }, extra: 1 },
    'extra',
    'DBS.200001',
  ),
  // 4.5.4
  ok('create template', P.createParameterTemplate, 'body', templateBody),
  ok('name with dots', P.createParameterTemplate, 'body', { ...templateBody, name: 'pg.template_1-a' }),
  bad(
    'name of 65 characters',
    P.createParameterTemplate,
    'body',
    { ...templateBody, name: 'a'.repeat(65) },
    'name',
    'DBS.212017',
  ),
  bad('empty name', P.createParameterTemplate, 'body', { ...templateBody, name: '' }, 'name', 'DBS.212017'),
  bad(
    'description with "!"',
    P.createParameterTemplate,
    'body',
    { ...templateBody, description: 'hi!' },
    'description',
    'DBS.212017',
  ),
  bad(
    'description with a line break',
    P.createParameterTemplate,
    'body',
    { ...templateBody, description: 'a\rb' },
    'description',
    'DBS.212017',
  ),
  bad(
    'parameter_values with a bad name',
    P.createParameterTemplate,
    'body',
    { ...templateBody, parameter_values: { '1x': '1' } },
    'parameter_values',
    'DBS.212017',
  ),
  bad(
    'instance_mode other than ha',
    P.createParameterTemplate,
    'body',
    { ...templateBody, datastore: { engine_version: '2.3', instance_mode: 'independent' } },
    'instance_mode',
    'DBS.280402',
  ),
  bad(
    'engine_version blank',
    P.createParameterTemplate,
    'body',
    { ...templateBody, datastore: { engine_version: '', instance_mode: 'ha' } },
    'engine_version',
    'DBS.280236',
  ),
  bad('datastore missing', P.createParameterTemplate, 'body', { name: 'x' }, 'datastore', 'DBS.200001'),
  // 4.5.7
  ok('copy', P.copyParameterTemplate, 'body', { name: 'paramTemplate-1233', description: '描述' }),
  bad(
    'copy description over 256',
    P.copyParameterTemplate,
    'body',
    { name: 'c', description: 'd'.repeat(257) },
    'description',
    'DBS.212017',
  ),
  bad(
    'copy description with "="',
    P.copyParameterTemplate,
    'body',
    { name: 'c', description: 'a=b' },
    'description',
    'DBS.212017',
  ),
  bad('copy name with "/"', P.copyParameterTemplate, 'body', { name: 'a/b' }, 'name', 'DBS.212017'),
  // 4.5.9
  ok('compare', P.compareParameterTemplates, 'body', {
    source_id: PR,
    target_id: 'a51fcdde022a4ea8a016a3c4671644f4pr14',
  }),
  bad(
    'compare without target',
    P.compareParameterTemplates,
    'body',
    { source_id: PR },
    'target_id',
    'DBS.200057',
  ),
  bad(
    'compare with a blank source',
    P.compareParameterTemplates,
    'body',
    { source_id: '', target_id: PR },
    'source_id',
    'DBS.200057',
  ),
  // 4.5.12
  ok('apply', P.applyParameterTemplate, 'body', { instance_ids: [ID, ID2] }),
  bad(
    'apply to nobody',
    P.applyParameterTemplate,
    'body',
    { instance_ids: [] },
    'instance_ids',
    'DBS.200001',
  ),
  bad(
    'apply twice to one instance',
    P.applyParameterTemplate,
    'body',
    { instance_ids: [ID, ID] },
    'instance_ids',
    'DBS.200001',
  ),
  bad(
    'apply to a malformed id',
    P.applyParameterTemplate,
    'body',
    { instance_ids: ['a b'] },
    'instance_ids',
    'DBS.280404',
  ),

  // 4.7.1
  ok('policy', B.setBackupPolicy, 'body', { backup_policy: policy }),
  ok('policy window across midnight', B.setBackupPolicy, 'body', {
    backup_policy: { ...policy, start_time: '23:00-00:00' },
  }),
  bad(
    'keep_days 0',
    B.setBackupPolicy,
    'body',
    { backup_policy: { ...policy, keep_days: 0 } },
    'keep_days',
    'DBS.280214',
  ),
  bad(
    'keep_days 733',
    B.setBackupPolicy,
    'body',
    { backup_policy: { ...policy, keep_days: 733 } },
    'keep_days',
    'DBS.280214',
  ),
  bad(
    'a two-hour window',
    B.setBackupPolicy,
    'body',
    { backup_policy: { ...policy, start_time: '19:00-21:00' } },
    'start_time',
    'DBS.280216',
  ),
  bad(
    'period with 8',
    B.setBackupPolicy,
    'body',
    { backup_policy: { ...policy, period: '1,8' } },
    'period',
    'DBS.280215',
  ),
  bad(
    'period with a repeat',
    B.setBackupPolicy,
    'body',
    { backup_policy: { ...policy, period: '1,1' } },
    'period',
    'DBS.280215',
  ),
  bad(
    'differential_period 45',
    B.setBackupPolicy,
    'body',
    { backup_policy: { ...policy, differential_period: '45' } },
    'differential_period',
    'DBS.280618',
  ),
  bad(
    'rate_limit 1025',
    B.setBackupPolicy,
    'body',
    { backup_policy: { ...policy, rate_limit: 1025 } },
    'rate_limit',
    'DBS.200001',
  ),
  bad(
    'prefetch_block 0',
    B.setBackupPolicy,
    'body',
    { backup_policy: { ...policy, prefetch_block: 0 } },
    'prefetch_block',
    'DBS.200001',
  ),
  bad(
    'file_split_size 6',
    B.setBackupPolicy,
    'body',
    { backup_policy: { ...policy, file_split_size: 6 } },
    'file_split_size',
    'DBS.200001',
  ),
  bad(
    'enable_standby_backup "no"',
    B.setBackupPolicy,
    'body',
    { backup_policy: { ...policy, enable_standby_backup: 'no' } },
    'enable_standby_backup',
    'DBS.200001',
  ),
  bad('backup_policy missing', B.setBackupPolicy, 'body', {}, 'backup_policy', 'DBS.200001'),
  // 4.7.3
  ok('list filters', B.listBackups, 'query', {
    ...listQuery,
    backup_type: 'manual',
    limit: '10',
    offset: '0',
  }),
  ok('incremental with instance', B.listBackups, 'query', { instance_id: ID, backup_type: 'Log_Xbsa' }),
  ok('offset decoded to a space', B.listBackups, 'query', {
    begin_time: '2022-05-09T16:15:50 0800',
    end_time: '2022-05-09T16:20:45 0800',
  }),
  bad('unknown backup_type', B.listBackups, 'query', { backup_type: 'full' }, 'backup_type', 'DBS.201004'),
  bad(
    'incremental without instance',
    B.listBackups,
    'query',
    { backup_type: 'xbsa' },
    'instance_id',
    'DBS.280404',
  ),
  bad(
    'begin_time not a time',
    B.listBackups,
    'query',
    { begin_time: '2022-05-09', end_time: '2022-05-10T00:00:00Z' },
    'begin_time',
    'DBS.200001',
  ),
  bad(
    'begin_time alone',
    B.listBackups,
    'query',
    { begin_time: '2022-05-09T16:15:50+0800' },
    'end_time',
    'DBS.280416',
  ),
  bad(
    'end_time before begin_time',
    B.listBackups,
    'query',
    { ...listQuery, end_time: '2022-05-09T16:00:00+0800' },
    'end_time',
    'DBS.280416',
  ),
  bad('backup_id with a slash', B.listBackups, 'query', { backup_id: 'a/b' }, 'backup_id', 'DBS.280124'),
  bad('limit 0', B.listBackups, 'query', { limit: '0' }, 'limit', 'DBS.280439'),
  // 4.7.4
  ok('manual backup', B.createManualBackup, 'body', {
    instance_id: ID,
    name: 'backupwqwq3',
    description: 'manual backup',
  }),
  bad(
    'backup name starting with a digit',
    B.createManualBackup,
    'body',
    { instance_id: ID, name: '1backup' },
    'name',
    'DBS.201210',
  ),
  bad(
    'backup name of 3 characters',
    B.createManualBackup,
    'body',
    { instance_id: ID, name: 'bak' },
    'name',
    'DBS.201210',
  ),
  bad(
    'backup description with "<"',
    B.createManualBackup,
    'body',
    { instance_id: ID, name: 'backup1', description: 'a<b' },
    'description',
    'DBS.280127',
  ),
  bad(
    'backup description over 256',
    B.createManualBackup,
    'body',
    { instance_id: ID, name: 'backup1', description: 'd'.repeat(257) },
    'description',
    'DBS.280127',
  ),
  bad(
    'backup without instance',
    B.createManualBackup,
    'body',
    { name: 'backup1' },
    'instance_id',
    'DBS.280404',
  ),
  // 4.7.5 / 4.7.6 / 4.7.7
  ok('download links', B.getBackupDownloadLinks, 'query', { backup_id: BR }),
  bad('download links without backup_id', B.getBackupDownloadLinks, 'query', {}, 'backup_id', 'DBS.280124'),
  ok('delete backup', B.deleteManualBackup, 'path', { backup_id: BR }),
  bad(
    'delete backup with a blank id',
    B.deleteManualBackup,
    'path',
    { backup_id: '' },
    'backup_id',
    'DBS.280124',
  ),
  ok('restore date', B.listRestoreTimes, 'query', { date: '2022-04-17' }),
  bad('restore date 2022-02-30', B.listRestoreTimes, 'query', { date: '2022-02-30' }, 'date', 'DBS.200001'),
  bad('restore date missing', B.listRestoreTimes, 'query', {}, 'date', 'DBS.200001'),
  // 4.7.8
  ok('restore to new instance', B.restoreToNewInstance, 'body', restoreBody),
  ok('restore to a point in time', B.restoreToNewInstance, 'body', {
    ...restoreBody,
    restore_point: { instance_id: ID, type: 'timestamp', restore_time: 1652084311000 },
  }),
  ok('restore with the same AZ three times', B.restoreToNewInstance, 'body', {
    ...restoreBody,
    availability_zone: 'az1,az1,az1',
  }),
  bad(
    'restore name too short',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, name: 'abc' },
    'name',
    'DBS.200021',
  ),
  bad(
    'two AZs the same of three',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, availability_zone: 'az1,az1,az2' },
    'availability_zone',
    'DBS.200025',
  ),
  bad(
    'two AZs',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, availability_zone: 'az1,az2' },
    'availability_zone',
    'DBS.200025',
  ),
  bad(
    'blank flavor_ref',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, flavor_ref: ' ' },
    'flavor_ref',
    'DBS.280288',
  ),
  bad(
    'volume type LOCALSSD',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, volume: { type: 'LOCALSSD', size: 160 } },
    'volume.type',
    'DBS.200026',
  ),
  bad(
    'volume size 30',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, volume: { type: 'ULTRAHIGH', size: 30 } },
    'volume.size',
    'DBS.200023',
  ),
  bad(
    'volume size 162',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, volume: { type: 'ULTRAHIGH', size: 162 } },
    'volume.size',
    'DBS.200023',
  ),
  bad('blank vpc_id', B.restoreToNewInstance, 'body', { ...restoreBody, vpc_id: '' }, 'vpc_id', 'DBS.200048'),
  bad(
    'blank subnet_id',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, subnet_id: '' },
    'subnet_id',
    'DBS.200049',
  ),
  bad(
    'password with "$" (not a restore special)',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, password: 'Gauss$2024ok' },
    'password',
    'DBS.200052',
  ),
  bad(
    'password of two classes',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, password: 'gaussdbok' },
    'password',
    'DBS.200052',
  ),
  bad(
    'prePaid restore',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, charge_info: { charge_mode: 'prePaid' } },
    'charge_info.charge_mode',
    'DBS.280365',
  ),
  bad(
    'restricted port',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, port: '5000' },
    'port',
    'DBS.280364',
  ),
  bad(
    'half-hour time zone',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, time_zone: 'UTC+08:30' },
    'time_zone',
    'DBS.280447',
  ),
  bad(
    'blank configuration_id',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, configuration_id: '' },
    'configuration_id',
    'DBS.200057',
  ),
  bad(
    'deprecated backup_strategy window',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, backup_strategy: { start_time: '02:00-04:00' } },
    'start_time',
    'DBS.280216',
  ),
  bad(
    'restore_point without backup or time',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, restore_point: { instance_id: ID } },
    'restore_point',
    'DBS.200001',
  ),
  bad(
    'restore_point with both',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, restore_point: { instance_id: ID, backup_id: BR, restore_time: 1 } },
    'restore_point',
    'DBS.200001',
  ),
  bad(
    'type timestamp without a time',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, restore_point: { instance_id: ID, type: 'timestamp' } },
    'restore_point.restore_time',
    'DBS.200001',
  ),
  bad(
    'type backup without a backup',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, restore_point: { instance_id: ID, type: 'backup' } },
    'restore_point.backup_id',
    'DBS.280124',
  ),
  bad(
    'restore_time negative',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, restore_point: { instance_id: ID, restore_time: -5 } },
    'restore_point.restore_time',
    'DBS.200001',
  ),
  bad(
    'restore_point type "latest"',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, restore_point: { instance_id: ID, type: 'latest', backup_id: BR } },
    'restore_point.type',
    'DBS.200001',
  ),
  bad(
    'restore_point without source',
    B.restoreToNewInstance,
    'body',
    { ...restoreBody, restore_point: { backup_id: BR } },
    'restore_point.instance_id',
    'DBS.280404',
  ),
  // 4.7.9 / 4.7.10
  ok('restorable instances', B.listRestorableInstances, 'query', {
    source_instance_id: ID,
    restore_time: '1652084311000',
    limit: '50',
  }),
  bad(
    'restorable without source',
    B.listRestorableInstances,
    'query',
    { backup_id: BR },
    'source_instance_id',
    'DBS.280404',
  ),
  bad(
    'restorable restore_time not ms',
    B.listRestorableInstances,
    'query',
    { source_instance_id: ID, restore_time: '2022-04-17' },
    'restore_time',
    'DBS.200001',
  ),
  ok('snapshot by backup', B.getInstanceSnapshot, 'query', { backup_id: BR }),
  ok('snapshot by time', B.getInstanceSnapshot, 'query', { instance_id: ID, restore_time: '1652084311000' }),
  bad(
    'snapshot by time without instance',
    B.getInstanceSnapshot,
    'query',
    { restore_time: '1652084311000' },
    'instance_id',
    'DBS.280404',
  ),
  bad('snapshot without anything', B.getInstanceSnapshot, 'query', {}, 'query', 'DBS.200001'),
  // ext.recovery
  ok('recovery from a backup', B.restoreToExistingInstance, 'body', recovery),
  ok('recovery to a point in time over itself', B.restoreToExistingInstance, 'body', {
    source: { instance_id: ID, type: 'timestamp', restore_time: '1652084311000' },
    target: { instance_id: ID },
  }),
  bad(
    'recovery without type',
    B.restoreToExistingInstance,
    'body',
    { ...recovery, source: { instance_id: ID, backup_id: BR } },
    'source.type',
    'DBS.200001',
  ),
  bad(
    'recovery by time without a time',
    B.restoreToExistingInstance,
    'body',
    { ...recovery, source: { instance_id: ID, type: 'timestamp' } },
    'source.restore_time',
    'DBS.200001',
  ),
  bad(
    'recovery without target',
    B.restoreToExistingInstance,
    'body',
    { source: recovery.source },
    'target',
    'DBS.200001',
  ),
  bad(
    'recovery target blank',
    B.restoreToExistingInstance,
    'body',
    { ...recovery, target: { instance_id: '' } },
    'target.instance_id',
    'DBS.280404',
  ),
  // 4.8.x
  ok('slow-log instance', logOperations.createSlowLogDownload, 'path', { instance_id: ID }),
  bad(
    'slow-log instance with a "?"',
    logOperations.listSlowLogDownloads,
    'path',
    { instance_id: 'a?b' },
    'instance_id',
    'DBS.280404',
  ),
];

describe('parameter, backup and slow-log request rules', () => {
  for (const c of cases) {
    if (!c.reject) {
      it(`${c.op.id} accepts ${c.what}`, () => {
        const r = schemaOf(c.op, c.part).safeParse(c.input);
        expect(r.success ? 'ok' : JSON.stringify(r.error.issues)).toBe('ok');
      });
    } else {
      const { field, code } = c.reject;
      it(`${c.op.id} rejects ${c.what} naming ${field} with ${code}`, () => {
        const schema = schemaOf(c.op, c.part);
        const r = schema.safeParse(c.input);
        expect(r.success).toBe(false);
        const issue = r.error?.issues[0];
        expect(issue?.message ?? '').toContain(field);
        expect(dbsCodeForPath(schema, issue?.path ?? [], 'DBS.200001')).toBe(code);
      });
    }
  }
});

describe('values the rules pass on', () => {
  it('cuts a created template description to 256 characters but refuses it on copy', () => {
    const long = 'd'.repeat(300);
    const created = P.createParameterTemplate.body.parse({ ...templateBody, description: long });
    expect(created.description).toHaveLength(256);
    expect(P.copyParameterTemplate.body.safeParse({ name: 'c', description: long }).success).toBe(false);
  });

  it('sends parameter values as strings', () => {
    const out = P.modifyInstanceParameters.body.parse({
      values: { max_replication_slots: 25, enable_x: true },
    });
    expect(out.values).toEqual({ max_replication_slots: '25', enable_x: 'true' });
  });

  it('reads enable_standby_backup "false" as false and differential_period 30 as "30"', () => {
    const out = B.setBackupPolicy.body.parse({
      backup_policy: { ...policy, enable_standby_backup: 'false', differential_period: 30 },
    });
    expect(out.backup_policy.enable_standby_backup).toBe(false);
    expect(out.backup_policy.differential_period).toBe('30');
  });

  it('sends a restore_time given as a string as a number', () => {
    const out = B.restoreToNewInstance.body.parse({
      ...restoreBody,
      restore_point: { instance_id: ID, restore_time: '1652084311000' },
    });
    expect(out.restore_point.restore_time).toBe(1652084311000);
  });

  it('parses offsets written +0800, +08:00, Z and a decoded space alike', () => {
    const t = Date.UTC(2022, 4, 9, 8, 15, 50);
    expect(parseOffsetTime('2022-05-09T16:15:50+0800')).toBe(t);
    expect(parseOffsetTime('2022-05-09T16:15:50+08:00')).toBe(t);
    expect(parseOffsetTime('2022-05-09T16:15:50 0800')).toBe(t);
    expect(parseOffsetTime('2022-05-09T08:15:50Z')).toBe(t);
    expect(parseOffsetTime('2018-08-016T10:15:14+0000')).toBeUndefined();
  });

  it('knows incremental backup types in any case', () => {
    expect(['Log_Xbsa', 'log_xbsa', 'XBSA'].map(isIncrementalBackupType)).toEqual([true, true, true]);
    expect(isIncrementalBackupType('auto')).toBe(false);
  });
});

describe('descriptors', () => {
  it('tells a restore body from a legacy create body on the shared route', () => {
    expect(isRestoreToNewInstanceBody(restoreBody)).toBe(true);
    expect(isRestoreToNewInstanceBody({ name: 'legacyInst', flavor_ref: 'x' })).toBe(false);
    expect(isRestoreToNewInstanceBody(undefined)).toBe(false);
    expect(B.restoreToNewInstance.matchesBody).toBe(isRestoreToNewInstanceBody);
    expect(B.restoreToNewInstance.sharesRouteWith).toBe('5.1.1');
  });

  it('marks template delete, backup delete and restore-over-instance destructive', () => {
    const destructive = [...Object.values(P), ...Object.values(B), ...Object.values(logOperations)]
      .filter((o: OperationDescriptor) => o.destructive)
      .map((o) => o.id)
      .sort();
    expect(destructive).toEqual([
      'deleteManualBackup',
      'deleteParameterTemplate',
      'restoreToExistingInstance',
    ]);
  });

  it('covers every section of 4.5, 4.7 and 4.8 plus the recovery extension', () => {
    const sections = [...Object.values(P), ...Object.values(B), ...Object.values(logOperations)].map(
      (o: OperationDescriptor) => o.section,
    );
    const expected = [
      ...Array.from({ length: 14 }, (_, i) => `4.5.${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `4.7.${i + 1}`),
      'ext.recovery',
      '4.8.1',
      '4.8.2',
    ];
    expect(sections.sort()).toEqual(expected.sort());
  });

  it('names the jobs of the asynchronous calls', () => {
    expect(B.createManualBackup.job?.names).toEqual(['BackupSnapshotGaussDBV5Instance']);
    expect(B.restoreToNewInstance.job?.names).toEqual(['CloneGaussDBV5NewInstance']);
    expect(B.restoreToExistingInstance.job?.names).toEqual([
      'RestoreGaussDBV5Instance',
      'RestoreGaussDBV5InstanceToExistedInst',
    ]);
    expect(P.applyParameterTemplate.job).toEqual({
      names: ['ApplyGaussDBV5ParameterTemplate'],
      nameIsExtension: true,
    });
  });

  it('accepts the download-link alias whose extra path segment is ignored', () => {
    expect(B.getBackupDownloadLinks.aliases).toContain('/v3/{project_id}/backup-files/{backup_id}');
    expect(B.getBackupDownloadLinks.pathParams.parse({ backup_id: BR })).toEqual({});
  });

  it('reads a parameter in either spelling (4.5.2 and 4.5.6)', () => {
    const a = P.getInstanceParameters.response.parse({
      configuration_parameters: [{ name: 'x', value: '1', restart_required: false, type: 'integer' }],
    });
    const b = P.getParameterTemplate.response.parse({
      id: PR,
      name: 't',
      configuration_parameters: [{ name: 'x', value: 1, need_restart: 'true', data_type: 'integer' }],
    });
    expect(a.configuration_parameters[0]?.restart_required).toBe(false);
    expect(b.configuration_parameters?.[0]?.need_restart).toBe(true);
    expect(b.configuration_parameters?.[0]?.value).toBe('1');
  });

  it('pages the list endpoints by item offset with their total keys', () => {
    expect(P.listParameterTemplates.paging).toMatchObject({
      kind: 'offset',
      itemsKey: 'configurations',
      totalKey: 'count',
      maxLimit: 100,
    });
    expect(B.listBackups.paging).toMatchObject({ itemsKey: 'backups', totalKey: 'total_count' });
    expect(B.listRestorableInstances.paging).toMatchObject({
      itemsKey: 'instances',
      totalKey: 'total_count',
    });
  });
});
