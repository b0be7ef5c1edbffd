import { createHash, createHmac } from 'node:crypto';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/index';

/** A fixed emulated start time so dates in assertions are stable. */
export const T0 = Date.UTC(2026, 0, 15, 8, 0, 0);

export interface Call {
  status: number;
  body: Record<string, unknown> & { error_code?: string; error_msg?: string };
  headers: Headers;
}

export interface TestEmulator {
  emu: RunningEmulator;
  /** Main project id. */
  pid: string;
  token(projectName?: string): Promise<string>;
  /** A call with a token for the main project unless `headers` says otherwise. */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; rawBody?: string; headers?: Record<string, string>; auth?: boolean },
  ): Promise<Call>;
  close(): Promise<void>;
}

/** An in-memory emulator on a manual clock that checks its own responses against the contract. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startEmulator({
    memory: true,
    clock: 'manual',
    startTime: T0,
    seed: 'empty',
    admin: true,
    validateResponses: true,
    log: { error: process.env.EMU_DEBUG ? (m: string, e?: unknown) => console.error(m, e) : () => undefined },
    ...options,
  });
  // Tests move the emulator clock by days: re-issue a token when the cached one is near expiry.
  const tokens = new Map<string, { value: string; at: number }>();
  const token = async (projectName = emu.projectName) => {
    const cached = tokens.get(projectName);
    if (cached && emu.clock.now() - cached.at < 23 * 3600_000) return cached.value;
    const res = await fetch(`${emu.url}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(passwordAuth(emu, { name: projectName })),
    });
    const t = res.headers.get('x-subject-token');
    if (!t) throw new Error(`token request failed: ${res.status}`);
    tokens.set(projectName, { value: t, at: emu.clock.now() });
    return t;
  };
  const call: TestEmulator['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...o.headers };
    if (o.auth !== false && !headers['x-auth-token'] && !headers.authorization)
      headers['x-auth-token'] = await token();
    const res = await fetch(`${emu.url}${path}`, {
      method,
      headers,
      body: o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Call['body']) : {}, headers: res.headers };
  };
  return { emu, pid: emu.projectId, token, call, close: () => emu.close() };
}

export function passwordAuth(
  emu: RunningEmulator,
  project: { id?: string; name?: string },
  password = emu.credentials.iam.password,
) {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: { name: emu.credentials.iam.user, password, domain: { name: emu.credentials.iam.domain } },
        },
      },
      scope: { project },
    },
  };
}

/** A valid 4.4.1 body: centralized triset in one AZ of region-1. */
export function createBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'test-inst-01',
    datastore: { type: 'GaussDB', version: '8.201' },
    ha: { mode: 'centralization_standard', consistency: 'strong', replication_mode: 'sync' },
    flavor_ref: 'gaussdb.opengauss.ee.m6.2xlarge.x868.ha',
    volume: { type: 'ULTRAHIGH', size: 40 },
    region: 'region-1',
    availability_zone: 'az1xahz,az1xahz,az1xahz',
    vpc_id: 'vpc-t',
    subnet_id: 'subnet-t',
    security_group_id: 'sg-t',
    password: 'Test@pass2026x',
    port: '8000',
    solution: 'triset',
    ...overrides,
  };
}

export function distributedBody(overrides: Record<string, unknown> = {}) {
  return createBody({
    ha: { mode: 'enterprise', consistency: 'strong', replication_mode: 'sync' },
    flavor_ref: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.in',
    availability_zone: 'az1xahz,az2xahz,az3xahz',
    volume: { type: 'ULTRAHIGH', size: 480 },
    solution: undefined,
    ...overrides,
  });
}

const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Signs like an SDK client (SDK-HMAC-SHA256), written from PUBLIC_API_NOTES.md independently of the verifier. */
export function signRequest(input: {
  method: string;
  url: string;
  body?: string;
  ak: string;
  sk: string;
  date: Date;
  projectId?: string;
}) {
  const url = new URL(input.url);
  const sdkDate = input.date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host: url.host,
    'x-sdk-date': sdkDate,
  };
  if (input.projectId) headers['x-project-id'] = input.projectId;
  const signed = Object.keys(headers).sort();
  const uri = `${url.pathname
    .split('/')
    .map((s) => rfc3986(decodeURIComponent(s)))
    .join('/')}/`.replace(/\/\/$/, '/');
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonical = [
    input.method,
    uri,
    query,
    signed.map((h) => `${h}:${headers[h]}\n`).join(''),
    signed.join(';'),
    sha256(input.body ?? ''),
  ].join('\n');
  const signature = createHmac('sha256', input.sk)
    .update(`SDK-HMAC-SHA256\n${sdkDate}\n${sha256(canonical)}`)
    .digest('hex');
  const { host: _host, ...rest } = headers;
  return {
    ...rest,
    authorization: `SDK-HMAC-SHA256 Access=${input.ak}, SignedHeaders=${signed.join(';')}, Signature=${signature}`,
  };
}

export const MIN = 60_000;
