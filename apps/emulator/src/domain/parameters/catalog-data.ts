import type { HaMode } from '../instance-model';

/**
 * The GUC parameters the emulator knows: real openGauss/GaussDB kernel parameters with their type, unit,
 * range, default and setting context (from the GaussDB and openGauss developer guides). A parameter whose
 * context is POSTMASTER needs a restart (`restart_required`/`need_restart`). Values differ by engine version
 * (`byVersion`) and deployment mode (`byMode`) where the product differs; `modes`/`since` say where a
 * parameter exists at all. Only data here: lookups and checks are in ./catalog.ts.
 */
export type GucKind = 'integer' | 'float' | 'boolean' | 'enum' | 'string' | 'list';
export type GucContext = 'POSTMASTER' | 'SIGHUP' | 'BACKEND' | 'SUSET' | 'USERSET';

export interface GucVariant {
  default?: string;
  min?: number;
  max?: number;
}

export interface GucSpec {
  name: string;
  kind: GucKind;
  /** As the manuals write it: `s`, `ms`, `min`, `d`, `kB`, `8kB`, `byte`. */
  unit?: string;
  min?: number;
  max?: number;
  /** Allowed values of an enum, or allowed items of a comma-separated list. */
  values?: readonly string[];
  /** For strings: the accepted form and what to tell the caller when it does not match. */
  pattern?: RegExp;
  patternRule?: string;
  default: string;
  context: GucContext;
  /** Shown but not changeable through the API (the service manages it). */
  readonly?: boolean;
  /** Deployment modes that have it (all when absent). */
  modes?: readonly HaMode[];
  /** First engine version that has it (all when absent). */
  since?: string;
  byVersion?: Readonly<Record<string, GucVariant>>;
  byMode?: Readonly<Partial<Record<HaMode, GucVariant>>>;
  description: { en: string; zh: string };
}

const DISTRIBUTED: readonly HaMode[] = ['enterprise', 'combined'];
const MAX_INT = 2147483647;

export const GUC_CATALOG: readonly GucSpec[] = [
  // Connections and authentication
  {
    name: 'max_connections',
    kind: 'integer',
    min: 10,
    max: 262143,
    default: '5000',
    context: 'POSTMASTER',
    byMode: { enterprise: { default: '8000' }, combined: { default: '8000' } },
    description: {
      en: 'Maximum number of concurrent client connections to the database.',
      zh: '允许和数据库连接的最大并发连接数。',
    },
  },
  {
    name: 'session_timeout',
    kind: 'integer',
    unit: 's',
    min: 0,
    max: 86400,
    default: '600',
    context: 'USERSET',
    description: {
      en: 'Longest idle time of a connection before the server closes it; 0 disables the timeout.',
      zh: '表明与服务器建立连接后，不进行任何操作的最长时间；0表示关闭超时设置。',
    },
  },
  {
    name: 'idle_in_transaction_session_timeout',
    kind: 'integer',
    unit: 's',
    min: 0,
    max: 86400,
    default: '0',
    context: 'USERSET',
    description: {
      en: 'Longest idle time of a session inside an open transaction before it is closed; 0 disables it.',
      zh: '会话处于事务中时，不进行任何操作的最长时间；0表示关闭超时设置。',
    },
  },
  {
    name: 'tcp_keepalives_idle',
    kind: 'integer',
    unit: 's',
    min: 0,
    max: 3600,
    default: '0',
    context: 'USERSET',
    description: {
      en: 'Idle time before TCP sends a keepalive on a client connection; 0 uses the operating system value.',
      zh: '在支持TCP_KEEPIDLE的系统上，发送保活信号前的空闲时间；0表示使用操作系统的值。',
    },
  },
  {
    name: 'ssl',
    kind: 'boolean',
    default: 'on',
    context: 'POSTMASTER',
    readonly: true,
    description: {
      en: 'Whether SSL connections are enabled (managed by the service).',
      zh: '是否启用SSL连接（由服务管理）。',
    },
  },
  {
    name: 'password_encryption_type',
    kind: 'integer',
    min: 0,
    max: 3,
    default: '2',
    context: 'SIGHUP',
    description: {
      en: 'Password hashing: 0 md5, 1 sha256 + md5, 2 sha256, 3 sm3.',
      zh: '密码加密方式：0为md5，1为sha256和md5兼容，2为sha256，3为sm3。',
    },
  },
  {
    name: 'password_min_length',
    kind: 'integer',
    min: 6,
    max: 999,
    default: '8',
    context: 'SIGHUP',
    description: { en: 'Minimum length of an account password.', zh: '帐户密码的最小长度。' },
  },
  {
    name: 'failed_login_attempts',
    kind: 'integer',
    min: 0,
    max: 1000,
    default: '10',
    context: 'SIGHUP',
    description: {
      en: 'Consecutive failed logins after which an account is locked; 0 disables locking.',
      zh: '输入密码错误的次数达到该值时，帐户将被锁定；0表示不锁定。',
    },
  },
  {
    name: 'password_lock_time',
    kind: 'float',
    unit: 'd',
    min: 0,
    max: 365,
    default: '1',
    context: 'SIGHUP',
    description: {
      en: 'Days an account stays locked after too many failed logins; 0 means it is never locked automatically.',
      zh: '帐户被锁定后自动解锁的时间（天）；0表示密码验证失败时自动锁定功能不生效。',
    },
  },
  {
    name: 'password_effect_time',
    kind: 'float',
    unit: 'd',
    min: 0,
    max: 999,
    default: '90',
    context: 'SIGHUP',
    description: {
      en: 'Days a password stays valid; 0 means it never expires.',
      zh: '帐户密码的有效时间（天）；0表示不开启有效期限制功能。',
    },
  },
  {
    name: 'password_reuse_time',
    kind: 'float',
    unit: 'd',
    min: 0,
    max: 3650,
    default: '60',
    context: 'SIGHUP',
    description: {
      en: 'Days before an old password may be used again; 0 disables the check.',
      zh: '新密码不能与指定天数内使用过的密码相同；0表示不检查。',
    },
  },

  // Memory
  {
    name: 'shared_buffers',
    kind: 'integer',
    unit: '8kB',
    min: 16,
    max: 1073741823,
    default: '262144',
    context: 'POSTMASTER',
    byMode: { enterprise: { default: '524288' }, combined: { default: '524288' } },
    description: {
      en: 'Shared memory used for the data buffer cache (in 8 kB pages).',
      zh: '数据库服务器使用的共享内存大小（单位为8kB页）。',
    },
  },
  {
    name: 'work_mem',
    kind: 'integer',
    unit: 'kB',
    min: 64,
    max: MAX_INT,
    default: '65536',
    context: 'USERSET',
    description: {
      en: 'Memory one sort or hash operation may use before spilling to temporary files.',
      zh: '内部排序操作和Hash表在开始写入临时磁盘文件之前使用的内存大小。',
    },
  },
  {
    name: 'maintenance_work_mem',
    kind: 'integer',
    unit: 'kB',
    min: 1024,
    max: MAX_INT,
    default: '131072',
    context: 'USERSET',
    description: {
      en: 'Memory for maintenance operations such as VACUUM, CREATE INDEX and ALTER TABLE ADD FOREIGN KEY.',
      zh: '维护性操作（如VACUUM、CREATE INDEX、ALTER TABLE ADD FOREIGN KEY等）中可使用的最大内存。',
    },
  },
  {
    name: 'temp_buffers',
    kind: 'integer',
    unit: '8kB',
    min: 100,
    max: 1073741823,
    default: '1024',
    context: 'USERSET',
    description: {
      en: 'Local buffers each session may use for temporary tables (in 8 kB pages).',
      zh: '每个数据库会话使用的LOCAL临时缓冲区的大小（单位为8kB页）。',
    },
  },
  {
    name: 'effective_cache_size',
    kind: 'integer',
    unit: '8kB',
    min: 1,
    max: MAX_INT,
    default: '16384',
    context: 'USERSET',
    description: {
      en: "The planner's assumption about the disk cache available to one query (in 8 kB pages).",
      zh: '优化器对单个查询可用磁盘缓存的有效大小的估计（单位为8kB页）。',
    },
  },
  {
    name: 'max_process_memory',
    kind: 'integer',
    unit: 'kB',
    min: 2097152,
    max: MAX_INT,
    default: '12582912',
    context: 'POSTMASTER',
    description: {
      en: 'Maximum physical memory one database node may use.',
      zh: '一个数据库节点可用的最大物理内存。',
    },
  },
  {
    name: 'max_prepared_transactions',
    kind: 'integer',
    min: 0,
    max: 262143,
    default: '800',
    context: 'POSTMASTER',
    byMode: { enterprise: { default: '8000' }, combined: { default: '8000' } },
    description: {
      en: 'Maximum number of transactions that can be in the prepared state at the same time.',
      zh: '可以同时处于"预备"状态的事务的最大数目。',
    },
  },
  {
    name: 'max_locks_per_transaction',
    kind: 'integer',
    min: 10,
    max: MAX_INT,
    default: '256',
    context: 'POSTMASTER',
    description: {
      en: 'Average number of object locks one transaction may hold (sizes the shared lock table).',
      zh: '控制每个事务能够得到的平均对象锁的数量。',
    },
  },

  // Statements and locks
  {
    name: 'statement_timeout',
    kind: 'integer',
    unit: 'ms',
    min: 0,
    max: MAX_INT,
    default: '0',
    context: 'USERSET',
    description: {
      en: 'A statement running longer than this is cancelled with an error; 0 disables the limit.',
      zh: '当语句执行时间超过该参数设置的时间时，该语句将会报错并退出执行；0表示不限制。',
    },
  },
  {
    name: 'lockwait_timeout',
    kind: 'integer',
    unit: 'ms',
    min: 0,
    max: MAX_INT,
    default: '1200000',
    context: 'SUSET',
    description: {
      en: 'Longest wait for a single lock; past it the statement fails.',
      zh: '控制单个锁的最长等待时间，当申请的锁等待时间超过设定值时，系统会报错。',
    },
  },
  {
    name: 'update_lockwait_timeout',
    kind: 'integer',
    unit: 'ms',
    min: 0,
    max: MAX_INT,
    default: '120000',
    context: 'SUSET',
    description: {
      en: 'Longest wait for a row lock during concurrent updates of the same row.',
      zh: '允许并发更新参数开启情况下，该参数控制并发更新同一行时单个锁的最长等待时间。',
    },
  },
  {
    name: 'deadlock_timeout',
    kind: 'integer',
    unit: 'ms',
    min: 1,
    max: MAX_INT,
    default: '1000',
    context: 'SUSET',
    description: {
      en: 'Time to wait on a lock before checking for a deadlock.',
      zh: '设置死锁超时检测时间，以毫秒为单位。',
    },
  },
  {
    name: 'default_statistics_target',
    kind: 'integer',
    min: -100,
    max: 10000,
    default: '100',
    context: 'USERSET',
    description: {
      en: 'Default statistics sample target for table columns (negative: a percentage of rows).',
      zh: '为没有用ALTER TABLE SET STATISTICS设置字段目标的表设置缺省统计目标。',
    },
  },
  {
    name: 'random_page_cost',
    kind: 'float',
    min: 0,
    max: 1.79769e308,
    default: '4',
    context: 'USERSET',
    description: {
      en: "The planner's cost estimate of a non-sequentially fetched disk page.",
      zh: '设置优化器计算一次非顺序抓取磁盘页面的开销。',
    },
  },
  {
    name: 'behavior_compat_options',
    kind: 'list',
    default: '',
    context: 'USERSET',
    values: [
      'display_leading_zero',
      'end_month_calculate',
      'compat_analyze_sample',
      'bind_schema_tablespace',
      'return_null_string',
      'bind_procedure_searchpath',
      'correct_to_number',
      'unbind_divide_bound',
      'convert_string_digit_to_numeric',
      'proc_outparam_override',
      'allow_procedure_compile_check',
      'hide_tailing_zero',
      'plstmt_implicit_savepoint',
      'char_coerce_compat',
    ],
    description: {
      en: 'Compatibility switches for SQL behaviour (comma-separated options).',
      zh: '数据库兼容性行为配置项，多个配置项之间用英文逗号隔开。',
    },
  },
  {
    name: 'a_format_dev_version',
    kind: 'enum',
    values: ['s1', 's2', 's3', 's4', 's5', 's6'],
    default: 's2',
    context: 'USERSET',
    since: '8.102',
    byVersion: { '8.201': { default: 's6' } },
    description: {
      en: 'Minor-version compatibility behaviour of the ORA-compatible platform.',
      zh: '数据库平台迭代小版本兼容性行为配置项。',
    },
  },
  {
    name: 'timezone',
    kind: 'string',
    default: 'PRC',
    context: 'USERSET',
    pattern: /^(?:[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*|[+-]?\d{1,2}(?::\d{2})?)$/,
    patternRule: 'a time zone name such as PRC, UTC or Asia/Shanghai, or an offset such as +08:00',
    description: {
      en: 'Time zone for displaying and interpreting time stamps.',
      zh: '设置显示和解释时间类型数值时使用的时区。',
    },
  },

  // Logging
  {
    name: 'log_min_duration_statement',
    kind: 'integer',
    unit: 'ms',
    min: -1,
    max: MAX_INT,
    default: '1800000',
    context: 'SUSET',
    description: {
      en: 'Statements running at least this long are logged as slow queries; -1 disables it.',
      zh: '当某条语句的持续时间大于或者等于该值时，记录该语句及其持续时间（慢SQL）；-1表示关闭。',
    },
  },
  {
    name: 'log_statement',
    kind: 'enum',
    values: ['none', 'ddl', 'mod', 'all'],
    default: 'none',
    context: 'SUSET',
    description: { en: 'Which SQL statements are written to the log.', zh: '控制记录SQL语句。' },
  },
  {
    name: 'log_min_messages',
    kind: 'enum',
    values: [
      'debug5',
      'debug4',
      'debug3',
      'debug2',
      'debug1',
      'info',
      'notice',
      'warning',
      'error',
      'log',
      'fatal',
      'panic',
    ],
    default: 'warning',
    context: 'SUSET',
    description: {
      en: 'Lowest message level written to the server log.',
      zh: '控制写到服务器日志文件中的消息级别。',
    },
  },
  {
    name: 'log_connections',
    kind: 'boolean',
    default: 'off',
    context: 'BACKEND',
    description: {
      en: 'Whether each successful client connection is logged.',
      zh: '是否记录客户端的连接请求信息。',
    },
  },
  {
    name: 'log_disconnections',
    kind: 'boolean',
    default: 'off',
    context: 'BACKEND',
    description: {
      en: 'Whether the end of each session is logged with its duration.',
      zh: '是否记录客户端结束连接信息。',
    },
  },
  {
    name: 'log_temp_files',
    kind: 'integer',
    unit: 'kB',
    min: -1,
    max: MAX_INT,
    default: '-1',
    context: 'SUSET',
    description: {
      en: 'Temporary files at least this large are logged when deleted; -1 disables it, 0 logs all.',
      zh: '控制记录临时文件的删除信息；-1表示不记录，0表示记录所有临时文件。',
    },
  },
  {
    name: 'track_activity_query_size',
    kind: 'integer',
    unit: 'byte',
    min: 100,
    max: 102400,
    default: '1024',
    context: 'POSTMASTER',
    description: {
      en: 'Bytes reserved to record the statement currently executed by each session.',
      zh: '设置用于跟踪每一个活动会话的当前正在执行命令的字节数。',
    },
  },

  // Auditing
  {
    name: 'audit_enabled',
    kind: 'boolean',
    default: 'on',
    context: 'SIGHUP',
    description: {
      en: 'Whether the audit process is started and audit logs are written.',
      zh: '控制审计进程的开启和关闭。',
    },
  },
  {
    name: 'audit_system_object',
    kind: 'integer',
    min: 0,
    max: 536870911,
    default: '67121159',
    context: 'SIGHUP',
    byVersion: { '3.223': { max: 134217727 } },
    description: {
      en: 'Bit mask of the database objects (DATABASE, SCHEMA, USER, TABLE, ...) whose CREATE, DROP and ALTER operations are audited; 0 disables DDL auditing.',
      zh: '该参数决定是否对数据库对象（DATABASE、SCHEMA、USER、TABLE等）的CREATE、DROP、ALTER操作进行审计；0表示关闭DDL审计。',
    },
  },
  {
    name: 'audit_login_logout',
    kind: 'integer',
    min: 0,
    max: 7,
    default: '7',
    context: 'SIGHUP',
    description: {
      en: 'Bit mask: audit successful logins (1), failed logins (2) and logouts (4).',
      zh: '控制对用户登录成功（1）、登录失败（2）和注销（4）的审计。',
    },
  },
  {
    name: 'audit_database_process',
    kind: 'integer',
    min: 0,
    max: 1,
    default: '1',
    context: 'SIGHUP',
    description: {
      en: 'Whether database start, stop, switchover and recovery are audited.',
      zh: '控制是否对数据库启动、停止、切换和恢复进行审计。',
    },
  },
  {
    name: 'audit_user_locked',
    kind: 'integer',
    min: 0,
    max: 1,
    default: '1',
    context: 'SIGHUP',
    description: {
      en: 'Whether locking and unlocking of users is audited.',
      zh: '控制是否对数据库用户的锁定和解锁进行审计。',
    },
  },
  {
    name: 'audit_grant_revoke',
    kind: 'integer',
    min: 0,
    max: 1,
    default: '1',
    context: 'SIGHUP',
    description: {
      en: 'Whether granting and revoking privileges is audited.',
      zh: '控制是否对用户权限授予和回收进行审计。',
    },
  },
  {
    name: 'audit_dml_state',
    kind: 'integer',
    min: 0,
    max: 1,
    default: '0',
    context: 'SIGHUP',
    description: {
      en: 'Whether INSERT, UPDATE and DELETE on tables are audited.',
      zh: '控制是否对具体表的INSERT、UPDATE、DELETE操作进行审计。',
    },
  },
  {
    name: 'audit_dml_state_select',
    kind: 'integer',
    min: 0,
    max: 1,
    default: '0',
    context: 'SIGHUP',
    description: { en: 'Whether SELECT statements are audited.', zh: '控制是否对SELECT操作进行审计。' },
  },
  {
    name: 'audit_file_remain_time',
    kind: 'integer',
    unit: 'd',
    min: 0,
    max: 730,
    default: '90',
    context: 'SIGHUP',
    description: {
      en: 'Minimum number of days audit log files are kept; 0 does not limit by time.',
      zh: '表示需记录审计日志的最短时间要求（天）；0表示不按时间保留。',
    },
  },

  // Autovacuum, checkpoints and WAL
  {
    name: 'autovacuum',
    kind: 'boolean',
    default: 'on',
    context: 'SIGHUP',
    description: {
      en: 'Whether the autovacuum launcher runs to vacuum and analyze tables automatically.',
      zh: '控制数据库自动清理进程（autovacuum）的启动。',
    },
  },
  {
    name: 'autovacuum_max_workers',
    kind: 'integer',
    min: 0,
    max: 262143,
    default: '3',
    context: 'POSTMASTER',
    description: {
      en: 'Maximum number of autovacuum worker threads running at the same time.',
      zh: '设置能同时运行的自动清理线程的最大数量。',
    },
  },
  {
    name: 'autovacuum_naptime',
    kind: 'integer',
    unit: 's',
    min: 1,
    max: 2147483,
    default: '600',
    context: 'SIGHUP',
    description: {
      en: 'Pause between autovacuum runs on one database.',
      zh: '设置两次自动清理操作的时间间隔。',
    },
  },
  {
    name: 'autovacuum_vacuum_scale_factor',
    kind: 'float',
    min: 0,
    max: 100,
    default: '0.2',
    context: 'SIGHUP',
    description: {
      en: "Fraction of a table's rows that must change before it is vacuumed (added to the threshold).",
      zh: '触发VACUUM时，在autovacuum_vacuum_threshold基础上增加的表大小的缩放系数。',
    },
  },
  {
    name: 'checkpoint_timeout',
    kind: 'integer',
    unit: 's',
    min: 30,
    max: 3600,
    default: '900',
    context: 'SIGHUP',
    description: {
      en: 'Longest time between two automatic checkpoints.',
      zh: '设置自动检查点之间的最长时间。',
    },
  },
  {
    name: 'checkpoint_completion_target',
    kind: 'float',
    min: 0,
    max: 1,
    default: '0.5',
    context: 'SIGHUP',
    description: {
      en: 'Fraction of the checkpoint interval over which a checkpoint is spread.',
      zh: '指定检查点完成的目标，表示检查点完成时间占检查点间隔的比例。',
    },
  },
  {
    name: 'wal_keep_segments',
    kind: 'integer',
    min: 2,
    max: MAX_INT,
    default: '16',
    context: 'SIGHUP',
    byMode: { enterprise: { default: '128' }, combined: { default: '128' } },
    description: {
      en: 'Number of WAL segment files kept for standbys.',
      zh: 'Xlog日志文件段数量，设置为备机保留的事务日志文件的最小数目。',
    },
  },
  {
    name: 'wal_buffers',
    kind: 'integer',
    unit: '8kB',
    min: -1,
    max: 262144,
    default: '2048',
    context: 'POSTMASTER',
    description: {
      en: 'Shared memory for WAL not yet written to disk (in 8 kB pages); -1 sizes it from shared_buffers.',
      zh: '设置用于存放WAL数据的共享内存空间的大小（单位为8kB页）；-1表示根据shared_buffers自动计算。',
    },
  },
  {
    name: 'wal_level',
    kind: 'enum',
    values: ['minimal', 'archive', 'hot_standby', 'logical'],
    default: 'hot_standby',
    context: 'POSTMASTER',
    description: {
      en: 'How much information is written to the WAL (logical decoding needs logical).',
      zh: '设置写入WAL信息量的级别（逻辑解码需要logical）。',
    },
  },
  {
    name: 'max_replication_slots',
    kind: 'integer',
    min: 0,
    max: 1024,
    default: '20',
    context: 'POSTMASTER',
    description: {
      en: 'Maximum number of replication slots (physical and logical).',
      zh: '设置主机端的日志复制slot个数（包括物理和逻辑复制槽）。',
    },
  },
  {
    name: 'synchronous_commit',
    kind: 'enum',
    values: ['on', 'off', 'local', 'remote_write', 'remote_receive', 'remote_apply'],
    default: 'on',
    context: 'USERSET',
    description: {
      en: 'Whether a commit waits for the WAL to be flushed locally and on the synchronous standbys.',
      zh: '设置当前事务的同步方式（事务提交是否等待WAL日志写入本地及同步备机）。',
    },
  },
  {
    name: 'most_available_sync',
    kind: 'boolean',
    default: 'off',
    context: 'SIGHUP',
    description: {
      en: 'Whether the primary keeps committing without waiting when no synchronous standby is available.',
      zh: '在备机同步失败时，是否阻塞主机的事务提交（开启后主机不等待故障的同步备机）。',
    },
  },
  {
    name: 'recovery_time_target',
    kind: 'integer',
    unit: 's',
    min: 0,
    max: 3600,
    default: '60',
    context: 'SIGHUP',
    since: '8.102',
    description: {
      en: 'Target time for a standby to finish log replay after a switchover; 0 disables flow control.',
      zh: '设置备机能够在该时间内完成日志写入和回放；0表示不开启日志流控。',
    },
  },

  // Thread pool
  {
    name: 'enable_thread_pool',
    kind: 'boolean',
    default: 'on',
    context: 'POSTMASTER',
    byVersion: { '3.223': { default: 'off' } },
    description: {
      en: 'Whether sessions are served by a thread pool instead of one thread each.',
      zh: '控制是否使用线程池功能。',
    },
  },
  {
    name: 'thread_pool_attr',
    kind: 'string',
    default: '512,2,(nobind)',
    context: 'POSTMASTER',
    pattern:
      /^\s*\d{1,4}\s*,\s*\d{1,2}\s*,\s*\((?:nobind|allbind|nodebind:\s*[\d,\s-]+|cpubind:\s*[\d,\s-]+|numabind:\s*[\d,\s-]+)\)\s*$/i,
    patternRule: "'thread_num,group_num,(cpubind_info)', e.g. 512,2,(nobind)",
    description: {
      en: 'Thread pool shape: thread count, thread groups and CPU binding (used when enable_thread_pool is on).',
      zh: '用于控制线程池功能的详细属性（线程数、线程组数、绑核方式），仅在enable_thread_pool打开后生效。',
    },
  },

  // Distributed only
  {
    name: 'enable_stream_operator',
    kind: 'boolean',
    default: 'on',
    context: 'USERSET',
    modes: DISTRIBUTED,
    description: {
      en: 'Whether the optimizer may use stream operators to move data between DNs.',
      zh: '控制优化器对stream的使用。',
    },
  },
  {
    name: 'max_pool_size',
    kind: 'integer',
    min: 1,
    max: 65535,
    default: '800',
    context: 'POSTMASTER',
    modes: DISTRIBUTED,
    description: {
      en: 'Maximum number of pooled connections from a CN to another CN or DN.',
      zh: 'CN的连接池与其它某个CN/DN的最大连接数。',
    },
  },
  {
    name: 'comm_max_stream',
    kind: 'integer',
    min: 1,
    max: 60000,
    default: '1024',
    context: 'POSTMASTER',
    modes: DISTRIBUTED,
    description: {
      en: 'Maximum number of concurrent data streams between nodes.',
      zh: 'TCP代理通信库支持的最大并发数据流数。',
    },
  },
];
