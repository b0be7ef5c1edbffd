import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Secret } from './auth/secret';
import { checkTransportSafety, parseAllowedHosts, parseOptIn, parseTrustProxy } from './config-safety';

/**
 * The BFF's configuration, read once from the environment and validated before anything starts.
 * Every message names the variable and says what to change; no message ever repeats a secret's value.
 */

export interface ProjectConfig {
  /** Short name used in console URLs: /api/v1/projects/{name}/... */
  name: string;
  region: string;
  projectId: string;
}

export type UpstreamAuth =
  | { kind: 'iam'; endpoint: string; user: string; password: Secret; domain: string }
  | { kind: 'aksk'; ak: Secret; sk: Secret };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface BffConfig {
  /** `embedded`: no GAUSSDB_ENDPOINT, the BFF runs the emulator in-process with demo data and demo users. */
  mode: 'embedded' | 'upstream';
  gaussdbEndpoint?: string;
  upstreamAuth?: UpstreamAuth;
  projects: ProjectConfig[];
  port: number;
  host: string;
  dataDir: string;
  usersFile: string;
  redisUrl?: Secret;
  auditDatabaseUrl?: Secret;
  session: { idleMs: number; absoluteMs: number };
  /** Passed to Express's `trust proxy` setting: a hop count or proxy addresses, never `true`. */
  trustProxy: false | number | string;
  /** Host names the console answers to besides PUBLIC_URL's, loopback names and IP addresses (ALLOWED_HOSTS). */
  allowedHosts: string[];
  /** The console's public origin (e.g. https://console.example.com) when it differs from the Host header. */
  publicOrigin?: string;
  /** True when PUBLIC_URL is https: cookies are always `__Host-` + Secure. */
  publicHttps: boolean;
  logLevel: LogLevel;
  /** Folder of the built SPA; the BFF serves its own sign-in page when it has no index.html. */
  webDistDir?: string;
  /** The in-process emulator of embedded mode: its data seed, how much faster its work runs, and the demo's background activity. */
  embedded: { seed: string; speed: number; activity: boolean };
  /** How often the event watcher polls the upstream's running tasks while someone listens. */
  eventsPollMs: number;
  /**
   * How often the storage forecast reads each instance's disk usage (4.3.1), in minutes: 10 at least
   * (a smaller value is raised to 10), 0 turns the sampling off.
   */
  storageSampleMinutes: number;
  /** Per attempt of an upstream call (a read may make several); beyond it the attempt counts as lost. */
  upstreamTimeoutMs: number;
  /** Caps on long-lived and expensive routes (see docs/security.md, resource exhaustion). */
  limits: {
    /** Open event streams per console session (across replicas with Redis). */
    streamsPerSession: number;
    /** Open event streams per BFF process. */
    streamsPerServer: number;
    /** Composite reads (dashboard, instances by tag) per session and minute. */
    compositeReadsPerMinute: number;
  };
  /** Weakening settings the operator opted into; logged at every start. */
  warnings: string[];
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const SECRET_VARS = ['IAM_PASSWORD', 'GAUSSDB_AK', 'GAUSSDB_SK', 'REDIS_URL', 'AUDIT_DATABASE_URL'] as const;

/** Reads `NAME` or `NAME_FILE` (Docker/Kubernetes secrets); never both. */
function readSecretVars(env: Env, issues: string[]): Env {
  const out: Env = { ...env };
  for (const name of SECRET_VARS) {
    const direct = env[name];
    const file = env[`${name}_FILE`];
    if (direct !== undefined && direct !== '' && file) {
      issues.push(`${name} and ${name}_FILE are both set: keep only one`);
      continue;
    }
    if (!file) continue;
    try {
      out[name] = fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      issues.push(
        `${name}_FILE: cannot read ${file} (${reason}); point it at a readable file holding only the value`,
      );
    }
  }
  return out;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());

const intInRange = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/, { message: `${name}: must be a whole number between ${min} and ${max}` })
      .transform(Number)
      .refine((n) => n >= min && n <= max, { message: `${name}: must be between ${min} and ${max}` })
      .optional()
      .transform((n) => n ?? fallback),
  );

const httpUrl = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), {
        message: `${name}: must be an http:// or https:// URL`,
      })
      .optional(),
  );

const PROJECT_RE = /^([A-Za-z0-9][A-Za-z0-9_-]{0,31}):([a-z0-9][a-z0-9-]{0,63}):([A-Za-z0-9-]{1,64})$/;

function parseProjects(raw: string | undefined, issues: string[]): ProjectConfig[] {
  if (!raw) return [];
  const projects: ProjectConfig[] = [];
  for (const entry of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = PROJECT_RE.exec(entry);
    if (!m) {
      issues.push(
        `GAUSSDB_PROJECTS: "${entry}" is not name:region:project_id (e.g. prod:cn-north-4:0483b6b16e954cb88930a360d2c4e663; name = letters/digits/_/-, up to 32)`,
      );
      continue;
    }
    const [, name, region, projectId] = m as unknown as [string, string, string, string];
    if (projects.some((p) => p.name === name))
      issues.push(`GAUSSDB_PROJECTS: the name "${name}" is used twice`);
    projects.push({ name, region, projectId });
  }
  return projects;
}

const envSchema = z.object({
  GAUSSDB_ENDPOINT: httpUrl('GAUSSDB_ENDPOINT'),
  IAM_ENDPOINT: httpUrl('IAM_ENDPOINT'),
  IAM_USER: optionalString,
  IAM_PASSWORD: optionalString,
  IAM_DOMAIN: optionalString,
  GAUSSDB_AK: optionalString,
  GAUSSDB_SK: optionalString,
  GAUSSDB_PROJECTS: optionalString,
  PORT: intInRange('PORT', 0, 65535, 8080),
  HOST: z.preprocess(blankToUndefined, z.string().default('127.0.0.1')),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('data')),
  USERS_FILE: optionalString,
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((s) => /^rediss?:\/\//.test(s) && URL.canParse(s), {
        message: 'REDIS_URL: must be a redis:// or rediss:// URL (e.g. redis://127.0.0.1:6379/0)',
      })
      .optional(),
  ),
  AUDIT_DATABASE_URL: optionalString,
  SESSION_IDLE_MINUTES: intInRange('SESSION_IDLE_MINUTES', 1, 1440, 30),
  SESSION_ABSOLUTE_HOURS: intInRange('SESSION_ABSOLUTE_HOURS', 1, 720, 12),
  TRUST_PROXY: optionalString,
  PUBLIC_URL: httpUrl('PUBLIC_URL'),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
  WEB_DIST_DIR: optionalString,
  INIT_CWD: optionalString,
  EMULATOR_SEED: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^(demo|empty|scale:\d{1,5})$/, {
        message: 'EMULATOR_SEED: must be demo, empty or scale:N (N up to 99999)',
      })
      .default('demo'),
  ),
  EMULATOR_SPEED: intInRange('EMULATOR_SPEED', 1, 10000, 20),
  EMULATOR_ACTIVITY: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['on', 'off'], { message: 'EMULATOR_ACTIVITY: must be on or off' }).default('on'),
  ),
  EVENTS_POLL_MS: intInRange('EVENTS_POLL_MS', 200, 60000, 2000),
  STORAGE_SAMPLE_MINUTES: intInRange('STORAGE_SAMPLE_MINUTES', 0, 1440, 10),
  UPSTREAM_TIMEOUT_MS: intInRange('UPSTREAM_TIMEOUT_MS', 500, 120000, 30000),
  ALLOWED_HOSTS: optionalString,
  ALLOW_INSECURE_UPSTREAM: optionalString,
  ALLOW_INSECURE_CONSOLE: optionalString,
  EVENTS_MAX_STREAMS_PER_SESSION: intInRange('EVENTS_MAX_STREAMS_PER_SESSION', 1, 1000, 8),
  EVENTS_MAX_STREAMS: intInRange('EVENTS_MAX_STREAMS', 1, 100000, 500),
  COMPOSITE_READS_PER_MINUTE: intInRange('COMPOSITE_READS_PER_MINUTE', 1, 100000, 30),
});

/**
 * Where the users file lives: USERS_FILE, else <DATA_DIR>/users.json; relative paths against baseDir.
 * Shared with the users CLI so both always agree on the file.
 */
export function resolveUsersFile(env: Env, baseDir: string): string {
  const dataDir = path.resolve(baseDir, env.DATA_DIR?.trim() || 'data');
  const usersFile = env.USERS_FILE?.trim();
  return usersFile ? path.resolve(baseDir, usersFile) : path.join(dataDir, 'users.json');
}

/** npm sets INIT_CWD to the folder `npm run` was typed in; workspace scripts run elsewhere. */
export function invocationDir(env: Env): string {
  return env.INIT_CWD?.trim() || process.cwd();
}

export interface LoadConfigOptions {
  /** Relative paths resolve against this folder (default: npm's INIT_CWD, i.e. where `npm run` was typed, else cwd). */
  baseDir?: string;
}

/** Validates the environment; throws ConfigError listing every problem at once. */
export function loadConfig(rawEnv: Env = process.env, options: LoadConfigOptions = {}): BffConfig {
  const issues: string[] = [];
  const env = readSecretVars(rawEnv, issues);
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Our messages already start with the variable name; zod's own (wrong type) get it prefixed.
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      issues.push(issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`);
    }
    throw new ConfigError(issues);
  }
  const e = parsed.data;
  const baseDir = options.baseDir ?? invocationDir(env);
  const dataDir = path.resolve(baseDir, e.DATA_DIR);
  const projects = parseProjects(e.GAUSSDB_PROJECTS, issues);
  const trustProxy = parseTrustProxy(e.TRUST_PROXY, issues);
  const allowedHosts = parseAllowedHosts(e.ALLOWED_HOSTS, issues);
  const warnings: string[] = [];
  const publicUrl = e.PUBLIC_URL ? new URL(e.PUBLIC_URL) : undefined;
  checkTransportSafety(
    {
      ...(e.GAUSSDB_ENDPOINT ? { gaussdbEndpoint: e.GAUSSDB_ENDPOINT } : {}),
      ...(e.IAM_ENDPOINT ? { iamEndpoint: e.IAM_ENDPOINT } : {}),
      host: e.HOST,
      ...(publicUrl ? { publicUrl } : {}),
      allowInsecureUpstream: parseOptIn('ALLOW_INSECURE_UPSTREAM', e.ALLOW_INSECURE_UPSTREAM, issues),
      allowInsecureConsole: parseOptIn('ALLOW_INSECURE_CONSOLE', e.ALLOW_INSECURE_CONSOLE, issues),
    },
    issues,
    warnings,
  );
  const mode = e.GAUSSDB_ENDPOINT ? 'upstream' : 'embedded';

  const iamVars = {
    IAM_ENDPOINT: e.IAM_ENDPOINT,
    IAM_USER: e.IAM_USER,
    IAM_PASSWORD: e.IAM_PASSWORD,
    IAM_DOMAIN: e.IAM_DOMAIN,
  };
  const iamSet = Object.entries(iamVars).filter(([, v]) => v !== undefined);
  const akskSet = e.GAUSSDB_AK !== undefined || e.GAUSSDB_SK !== undefined;
  let upstreamAuth: UpstreamAuth | undefined;

  if (mode === 'embedded') {
    if (iamSet.length > 0 || akskSet) {
      issues.push(
        'GAUSSDB_ENDPOINT: upstream credentials (IAM_* or GAUSSDB_AK/SK) are set but GAUSSDB_ENDPOINT is not; set GAUSSDB_ENDPOINT to use a real GaussDB API, or unset the credentials to run the embedded demo',
      );
    }
  } else {
    if (iamSet.length > 0 && akskSet) {
      issues.push(
        'IAM_USER / GAUSSDB_AK: choose one way to authenticate upstream, IAM_* (token) or GAUSSDB_AK + GAUSSDB_SK, not both',
      );
    } else if (akskSet) {
      if (!e.GAUSSDB_AK || !e.GAUSSDB_SK)
        issues.push('GAUSSDB_AK / GAUSSDB_SK: set both (or GAUSSDB_SK_FILE for the secret key)');
      else upstreamAuth = { kind: 'aksk', ak: new Secret(e.GAUSSDB_AK), sk: new Secret(e.GAUSSDB_SK) };
    } else {
      const missing = Object.entries(iamVars)
        .filter(([, v]) => v === undefined)
        .map(([k]) => k);
      if (missing.length > 0) {
        issues.push(
          `${missing.join(', ')}: required with GAUSSDB_ENDPOINT (IAM token authentication; IAM_PASSWORD may come from IAM_PASSWORD_FILE), or set GAUSSDB_AK and GAUSSDB_SK instead`,
        );
      } else {
        upstreamAuth = {
          kind: 'iam',
          endpoint: e.IAM_ENDPOINT as string,
          user: e.IAM_USER as string,
          password: new Secret(e.IAM_PASSWORD as string),
          domain: e.IAM_DOMAIN as string,
        };
      }
    }
    if (projects.length === 0 && !issues.some((i) => i.startsWith('GAUSSDB_PROJECTS'))) {
      issues.push(
        'GAUSSDB_PROJECTS: required with GAUSSDB_ENDPOINT: a comma list of name:region:project_id (e.g. prod:cn-north-4:0483b6b16e954cb88930a360d2c4e663)',
      );
    }
  }

  if (issues.length > 0) throw new ConfigError(issues);

  return {
    mode,
    ...(e.GAUSSDB_ENDPOINT ? { gaussdbEndpoint: e.GAUSSDB_ENDPOINT } : {}),
    ...(upstreamAuth ? { upstreamAuth } : {}),
    projects,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    usersFile: resolveUsersFile(env, baseDir),
    ...(e.REDIS_URL ? { redisUrl: new Secret(e.REDIS_URL) } : {}),
    ...(e.AUDIT_DATABASE_URL ? { auditDatabaseUrl: new Secret(e.AUDIT_DATABASE_URL) } : {}),
    session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    trustProxy,
    allowedHosts,
    ...(publicUrl ? { publicOrigin: publicUrl.origin } : {}),
    publicHttps: publicUrl?.protocol === 'https:',
    logLevel: e.LOG_LEVEL,
    ...(e.WEB_DIST_DIR ? { webDistDir: path.resolve(baseDir, e.WEB_DIST_DIR) } : {}),
    embedded: { seed: e.EMULATOR_SEED, speed: e.EMULATOR_SPEED, activity: e.EMULATOR_ACTIVITY === 'on' },
    eventsPollMs: e.EVENTS_POLL_MS,
    storageSampleMinutes: e.STORAGE_SAMPLE_MINUTES === 0 ? 0 : Math.max(10, e.STORAGE_SAMPLE_MINUTES),
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    limits: {
      streamsPerSession: e.EVENTS_MAX_STREAMS_PER_SESSION,
      streamsPerServer: e.EVENTS_MAX_STREAMS,
      compositeReadsPerMinute: e.COMPOSITE_READS_PER_MINUTE,
    },
    warnings,
  };
}
