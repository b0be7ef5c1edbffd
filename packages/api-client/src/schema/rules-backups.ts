import { z } from 'zod';
import { withCode } from './error-codes';
import { pathId } from './rules';

/**
 * Request rules of the backup & restore sections (4.7.x and the recovery extension). Generic rules
 * (backup window, keep_days, instance name, password, port, time zone) live in rules.ts; these are the
 * ones only this area uses. Decisions: decisions/30-parameters-backups.md (BKP-*).
 */

/**
 * An id in a path, query or body: shape only, never a UUID (D.34, BKP-11). A missing value fails with a
 * message naming the field (pathId alone would say "expected string").
 */
export const idField = (label: string, code = 'DBS.280404') =>
  withCode(z.string({ message: `${label}: required` }).pipe(pathId(label)), code);

/**
 * Message for a value that is not an object at all; other object-level issues (an unknown key) keep
 * zod's own message, which names the key.
 */
export const objectError = (message: string) => ({
  error: (iss: { code?: string }) => (iss.code === 'invalid_type' ? message : undefined),
});

/** A backup id: code "Invalid backup file id". */
export const backupId = (label: string) => idField(label, 'DBS.280124');

/** A non-blank reference to something the server looks up (VPC, subnet, flavor…). */
export const nonBlank = (label: string, code: string, max = 128) =>
  withCode(
    z
      .string({ message: `${label}: required` })
      .trim()
      .min(1, { message: `${label}: required` })
      .max(max, { message: `${label}: at most ${max} characters` }),
    code,
  );

// ---- 4.7.1 backup policy -------------------------------------------------------------------------

export const PERIOD_RULE = 'comma-separated weekdays 1–7 (1 = Monday), each at most once, e.g. 1,2,3,4,5';
/** Full-backup weekdays: "1,2,3", digits 1–7, no repeats. */
export const backupPeriod = () =>
  withCode(
    z.string({ message: `period: must be ${PERIOD_RULE}` }).refine(
      (v) => {
        if (!/^[1-7](,[1-7])*$/.test(v)) return false;
        const days = v.split(',');
        return new Set(days).size === days.length;
      },
      { message: `period: must be ${PERIOD_RULE}` },
    ),
    'DBS.280215',
  );

export const DIFFERENTIAL_PERIODS = ['15', '30', '60', '180', '360', '720', '1440'] as const;
/** Differential backup interval in minutes: a String on the wire, but 4.7.2 returns a number (D.13, BKP-2). */
export const differentialPeriod = () =>
  withCode(
    z
      .union([z.string(), z.number()], {
        message: `differential_period: must be one of ${DIFFERENTIAL_PERIODS.join(', ')} (minutes)`,
      })
      .transform((v) => String(v))
      .pipe(
        z.enum(DIFFERENTIAL_PERIODS, {
          message: `differential_period: must be one of ${DIFFERENTIAL_PERIODS.join(', ')} (minutes)`,
        }),
      ),
    'DBS.280618',
  );

/** An integer in [min, max], optionally a multiple of `step`; the message names the field and the range. */
export const intInRange = (label: string, min: number, max: number, code: string, step?: number) => {
  const rule = `an integer ${min}–${max}${step ? `, a multiple of ${step}` : ''}`;
  return withCode(
    z
      .number({ message: `${label}: must be ${rule}` })
      .int({ message: `${label}: must be ${rule}` })
      .min(min, { message: `${label}: must be ${rule}` })
      .max(max, { message: `${label}: must be ${rule}` })
      .refine((v) => !step || v % step === 0, { message: `${label}: must be ${rule}` }),
    code,
  );
};

/** A Boolean that the reference's own example sends as "false" (L5305): both accepted, a boolean kept (BKP-1). */
export const looseBoolean = (label: string) =>
  withCode(
    z
      .union([z.boolean(), z.enum(['true', 'false'])], { message: `${label}: must be true or false` })
      .transform((v) => v === true || v === 'true'),
    'DBS.200001',
  );

// ---- 4.7.3 list filters --------------------------------------------------------------------------

const offsetTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(Z|[+\- ]\d{2}:?\d{2})$/;

/**
 * Milliseconds since the epoch of a `yyyy-mm-ddThh:mm:ssZ` time (Z or an offset such as +0800 / +08:00),
 * or undefined when it is not one. A space stands for `+`: an unencoded `+` in a query string, as in the
 * reference's own example (L5448), arrives decoded as a space (BKP-5).
 */
export function parseOffsetTime(v: string): number | undefined {
  const m = offsetTime.exec(v);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(local);
  if (
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return undefined;
  }
  if (!zone || zone === 'Z') return local;
  const zm = /^([+\- ])(\d{2}):?(\d{2})$/.exec(zone);
  if (!zm) return undefined;
  const sign = zm[1] === '-' ? -1 : 1;
  return local - sign * (Number(zm[2]) * 60 + Number(zm[3])) * 60_000;
}

export const OFFSET_TIME_RULE = 'a time "yyyy-mm-ddThh:mm:ss" with a zone, e.g. 2022-05-09T16:15:50+0800';
export const offsetTimeParam = (label: string, code: string) =>
  withCode(
    z
      .string({ message: `${label}: must be ${OFFSET_TIME_RULE}` })
      .refine((v) => parseOffsetTime(v) !== undefined, { message: `${label}: must be ${OFFSET_TIME_RULE}` }),
    code,
  );

/** 4.7.3 `backup_type`: the reference prints "Log_Xbsa xbsa" for incremental backups (D.59, BKP-4). */
export const FULL_BACKUP_TYPES = ['auto', 'manual'] as const;
export const INCREMENTAL_BACKUP_TYPES = ['log_xbsa', 'xbsa'] as const;
export const isIncrementalBackupType = (v: string) =>
  (INCREMENTAL_BACKUP_TYPES as readonly string[]).includes(v.toLowerCase());
export const backupTypeFilter = () =>
  withCode(
    z
      .string({ message: 'backup_type: must be a string' })
      .refine(
        (v) =>
          (FULL_BACKUP_TYPES as readonly string[]).includes(v.toLowerCase()) || isIncrementalBackupType(v),
        {
          message: 'backup_type: must be auto, manual or Log_Xbsa (also spelled xbsa; incremental backups)',
        },
      ),
    'DBS.201004',
  );

// ---- 4.7.4 manual backup -------------------------------------------------------------------------

export const BACKUP_NAME_RULE =
  '4–64 characters: starts with a letter; letters, digits, "-" and "_" only (case-sensitive)';
export const backupName = () =>
  withCode(
    z
      .string({ message: `name: ${BACKUP_NAME_RULE}` })
      .regex(/^[A-Za-z][A-Za-z0-9_-]{3,63}$/, { message: `name: ${BACKUP_NAME_RULE}` }),
    'DBS.201210',
  );

/** Characters 4.7.4 forbids in a backup description (printed `> <"&'=`; the space is allowed, D.29). */
export const BACKUP_DESCRIPTION_FORBIDDEN = ['>', '<', '"', '&', "'", '='] as const;
export const backupDescription = () =>
  withCode(
    z
      .string({ message: 'description: must be a string' })
      .max(256, { message: 'description: at most 256 characters' })
      .superRefine((v, ctx) => {
        const bad = BACKUP_DESCRIPTION_FORBIDDEN.find((c) => v.includes(c));
        if (bad) {
          ctx.addIssue({
            code: 'custom',
            message: `description: must not contain "${bad}"; ${BACKUP_DESCRIPTION_FORBIDDEN.join(' ')} are not allowed`,
          });
        }
      }),
    'DBS.280127',
  );

// ---- 4.7.7 / 4.7.9 / 4.7.10 / restore -----------------------------------------------------------

/** A UTC calendar date `yyyy-mm-dd` (4.7.7 `date`). */
export const utcDate = (label: string) =>
  withCode(
    z.string({ message: `${label}: required, a date yyyy-mm-dd (UTC)` }).refine(
      (v) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
        if (!m) return false;
        const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
        return (
          d.getUTCFullYear() === Number(m[1]) &&
          d.getUTCMonth() === Number(m[2]) - 1 &&
          d.getUTCDate() === Number(m[3])
        );
      },
      { message: `${label}: must be a date yyyy-mm-dd (UTC), e.g. 2022-04-17` },
    ),
    'DBS.200001',
  );

export const EPOCH_MS_RULE = 'a UNIX time in milliseconds (UTC), e.g. 1652084311000';
/** Epoch milliseconds in a query string: digits only. */
export const epochMillisParam = (label: string) =>
  withCode(
    z
      .string({ message: `${label}: must be ${EPOCH_MS_RULE}` })
      .regex(/^\d{1,16}$/, { message: `${label}: must be ${EPOCH_MS_RULE}` }),
    'DBS.200001',
  );

/** Epoch milliseconds in a body: an integer; a numeric string is accepted and sent as a number. */
export const epochMillis = (label: string) =>
  withCode(
    z
      .union([z.number(), z.string().regex(/^\d{1,16}$/)], { message: `${label}: must be ${EPOCH_MS_RULE}` })
      .transform((v) => Number(v))
      .pipe(
        z
          .number()
          .int({ message: `${label}: must be ${EPOCH_MS_RULE}` })
          .min(0, { message: `${label}: must be ${EPOCH_MS_RULE}` }),
      ),
    'DBS.200001',
  );

/** 4.7.8 `availability_zone`: three AZs, comma-separated, all the same or all different (L5966). */
export const restoreAvailabilityZones = () =>
  withCode(
    z.string({ message: 'availability_zone: required' }).refine(
      (v) => {
        const azs = v.split(',');
        if (azs.length !== 3 || azs.some((a) => !/^[A-Za-z0-9_.-]{1,64}$/.test(a))) return false;
        const distinct = new Set(azs).size;
        return distinct === 1 || distinct === 3;
      },
      {
        message:
          'availability_zone: three AZ ids separated by commas, all three the same or all different, e.g. az1,az2,az3',
      },
    ),
    'DBS.200025',
  );

export const RESTORE_VOLUME_TYPES = ['ULTRAHIGH'] as const;
/**
 * 4.7.8 `volume`. The shard-dependent bounds (≥ source size, shards × 40 GB … shards × 16 TB, a multiple of
 * shards × 4) need the source instance: the server checks them. Here: an integer ≥ 40 and a multiple of 4.
 */
export const restoreVolume = () =>
  z.strictObject(
    {
      type: withCode(
        z.enum(RESTORE_VOLUME_TYPES, { message: 'volume.type: must be ULTRAHIGH' }),
        'DBS.200026',
      ),
      size: withCode(
        z
          .number({ message: 'volume.size: must be an integer number of GB' })
          .int({ message: 'volume.size: must be an integer number of GB' })
          .min(40, {
            message: 'volume.size: at least 40 GB (shards × 40 GB), and not less than the source instance',
          })
          .refine((v) => v % 4 === 0, { message: 'volume.size: must be a multiple of 4 × shards GB' }),
        'DBS.200023',
      ),
    },
    objectError('volume: must be an object { type, size }'),
  );

export const RESTORE_POINT_TYPES = ['backup', 'timestamp'] as const;

/**
 * Where restored data comes from: a backup, or a point in time (epoch ms). Shared by 4.7.8's
 * `restore_point` (where `type`/`restore_time` are the D.36 extension) and the recovery `source`.
 * `type` given: it decides which of backup_id / restore_time is required. `type` omitted: exactly one of
 * them must be given (the reference leaves `restore_point` without either undefined; BKP-7).
 */
export function restoreSourceRefinement(prefix: string) {
  return (
    v: {
      type?: 'backup' | 'timestamp' | undefined;
      backup_id?: string | undefined;
      restore_time?: number | undefined;
    },
    ctx: z.RefinementCtx,
  ) => {
    const hasBackup = v.backup_id !== undefined;
    const hasTime = v.restore_time !== undefined;
    const type =
      v.type ?? (hasBackup && !hasTime ? 'backup' : !hasBackup && hasTime ? 'timestamp' : undefined);
    if (type === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${prefix}: give backup_id (type "backup") or restore_time (type "timestamp"), not ${hasBackup ? 'both' : 'neither'}`,
      });
      return;
    }
    if (type === 'backup') {
      if (!hasBackup)
        ctx.addIssue({
          code: 'custom',
          path: ['backup_id'],
          message: `${prefix}.backup_id: required when type is "backup"`,
        });
      if (hasTime)
        ctx.addIssue({
          code: 'custom',
          path: ['restore_time'],
          message: `${prefix}.restore_time: only with type "timestamp"`,
        });
    } else {
      if (!hasTime)
        ctx.addIssue({
          code: 'custom',
          path: ['restore_time'],
          message: `${prefix}.restore_time: required when type is "timestamp"`,
        });
      if (hasBackup)
        ctx.addIssue({
          code: 'custom',
          path: ['backup_id'],
          message: `${prefix}.backup_id: only with type "backup"`,
        });
    }
  };
}

const restoreSourceShape = (prefix: string, typeRequired: boolean) => {
  const type = withCode(
    z.enum(RESTORE_POINT_TYPES, { message: `${prefix}.type: must be "backup" or "timestamp"` }),
    'DBS.200001',
  );
  return {
    instance_id: idField(`${prefix}.instance_id`),
    type: typeRequired ? type : type.optional(),
    backup_id: backupId(`${prefix}.backup_id`).optional(),
    restore_time: epochMillis(`${prefix}.restore_time`).optional(),
  };
};

/** 4.7.8 `restore_point` with the D.36 point-in-time extension. */
export const restorePoint = () =>
  withCode(
    z
      .strictObject(
        restoreSourceShape('restore_point', false),
        objectError('restore_point: must be an object { instance_id, backup_id | restore_time }'),
      )
      .superRefine(restoreSourceRefinement('restore_point')),
    'DBS.200001',
  );

/** The recovery extension's `source` (PUBLIC_API_NOTES "Restore"): `type` is required there. */
export const recoverySource = () =>
  withCode(
    z
      .strictObject(
        restoreSourceShape('source', true),
        objectError('source: must be an object { instance_id, type, backup_id | restore_time }'),
      )
      .superRefine(restoreSourceRefinement('source')),
    'DBS.200001',
  );
