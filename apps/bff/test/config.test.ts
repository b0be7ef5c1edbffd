import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { tempDir } from './helpers';

const upstream = {
  GAUSSDB_ENDPOINT: 'https://gaussdb.cn-north-4.example.com',
  IAM_ENDPOINT: 'https://iam.example.com',
  IAM_USER: 'svc-console',
  IAM_PASSWORD: 'iam-Secret-Value-9',
  IAM_DOMAIN: 'acme',
  GAUSSDB_PROJECTS:
    'prod:cn-north-4:0483b6b16e954cb88930a360d2c4e663,test:cn-south-1:1111b6b16e954cb88930a360d2c4e663',
};

function issuesOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, { baseDir: '/srv/console' });
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('defaults to the embedded demo on 127.0.0.1:8080 with data/ and 30 min / 12 h sessions', () => {
    const c = loadConfig({}, { baseDir: '/srv/console' });
    expect(c).toMatchObject({
      mode: 'embedded',
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/console/data',
      usersFile: '/srv/console/data/users.json',
      session: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
      trustProxy: false,
      logLevel: 'info',
      projects: [],
      publicHttps: false,
    });
  });

  it('reads an upstream configuration with IAM and projects', () => {
    const c = loadConfig(upstream, { baseDir: '/srv/console' });
    expect(c.mode).toBe('upstream');
    expect(c.projects).toEqual([
      { name: 'prod', region: 'cn-north-4', projectId: '0483b6b16e954cb88930a360d2c4e663' },
      { name: 'test', region: 'cn-south-1', projectId: '1111b6b16e954cb88930a360d2c4e663' },
    ]);
    expect(c.upstreamAuth?.kind).toBe('iam');
    if (c.upstreamAuth?.kind === 'iam') expect(c.upstreamAuth.password.reveal()).toBe('iam-Secret-Value-9');
    expect(JSON.stringify(c)).not.toContain('iam-Secret-Value-9');
  });

  it('reads secrets from *_FILE', () => {
    const dir = tempDir();
    const file = path.join(dir, 'iam-password');
    fs.writeFileSync(file, 'from-a-file-123\n');
    const { IAM_PASSWORD: _drop, ...rest } = upstream;
    const c = loadConfig({ ...rest, IAM_PASSWORD_FILE: file });
    expect(c.upstreamAuth?.kind === 'iam' && c.upstreamAuth.password.reveal()).toBe('from-a-file-123');
    expect(issuesOf({ ...upstream, IAM_PASSWORD_FILE: file })).toEqual([
      'IAM_PASSWORD and IAM_PASSWORD_FILE are both set: keep only one',
    ]);
    expect(issuesOf({ ...rest, IAM_PASSWORD_FILE: path.join(dir, 'missing') })[0]).toMatch(
      /^IAM_PASSWORD_FILE: cannot read .*missing \(ENOENT\)/,
    );
  });

  it('accepts AK/SK instead of IAM', () => {
    const c = loadConfig({
      GAUSSDB_ENDPOINT: upstream.GAUSSDB_ENDPOINT,
      GAUSSDB_PROJECTS: upstream.GAUSSDB_PROJECTS,
      GAUSSDB_AK: 'AK1',
      GAUSSDB_SK: 'SK-secret',
    });
    expect(c.upstreamAuth?.kind).toBe('aksk');
    expect(
      issuesOf({
        GAUSSDB_ENDPOINT: upstream.GAUSSDB_ENDPOINT,
        GAUSSDB_PROJECTS: upstream.GAUSSDB_PROJECTS,
        GAUSSDB_AK: 'AK1',
      }),
    ).toEqual(['GAUSSDB_AK / GAUSSDB_SK: set both (or GAUSSDB_SK_FILE for the secret key)']);
  });

  it('says which variables are missing for upstream mode', () => {
    const issues = issuesOf({ GAUSSDB_ENDPOINT: 'https://gaussdb.example.com', IAM_USER: 'u' });
    expect(issues).toContain(
      'IAM_ENDPOINT, IAM_PASSWORD, IAM_DOMAIN: required with GAUSSDB_ENDPOINT (IAM token authentication; IAM_PASSWORD may come from IAM_PASSWORD_FILE), or set GAUSSDB_AK and GAUSSDB_SK instead',
    );
    expect(issues.some((i) => i.startsWith('GAUSSDB_PROJECTS: required with GAUSSDB_ENDPOINT'))).toBe(true);
  });

  it('lists every malformed value at once, naming the variable and the fix', () => {
    const issues = issuesOf({
      PORT: 'eighty',
      SESSION_IDLE_MINUTES: '0',
      LOG_LEVEL: 'loud',
      GAUSSDB_ENDPOINT: 'ftp://x',
      REDIS_URL: 'localhost:6379',
      PUBLIC_URL: 'console.example.com',
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'PORT: must be a whole number between 0 and 65535',
        'SESSION_IDLE_MINUTES: must be between 1 and 1440',
        'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
        'GAUSSDB_ENDPOINT: must be an http:// or https:// URL',
        'REDIS_URL: must be a redis:// or rediss:// URL (e.g. redis://127.0.0.1:6379/0)',
        'PUBLIC_URL: must be an http:// or https:// URL',
      ]),
    );
    expect(new ConfigError(issues).message).toMatch(/^Invalid configuration:\n {2}- /);
  });

  it('explains a malformed project list and credentials set without an endpoint', () => {
    expect(issuesOf({ ...upstream, GAUSSDB_PROJECTS: 'prod-only' })[0]).toMatch(
      /GAUSSDB_PROJECTS: "prod-only" is not name:region:project_id/,
    );
    expect(issuesOf({ ...upstream, GAUSSDB_PROJECTS: 'a:r:1,a:r:2' })).toEqual([
      'GAUSSDB_PROJECTS: the name "a" is used twice',
    ]);
    expect(issuesOf({ IAM_USER: 'u' })[0]).toMatch(
      /^GAUSSDB_ENDPOINT: upstream credentials .* are set but GAUSSDB_ENDPOINT is not/,
    );
    expect(issuesOf({ TRUST_PROXY: 'yes please' })[0]).toMatch(/^TRUST_PROXY: use false, a hop count/);
  });

  it('never repeats a secret value in a message', () => {
    const secret = 'p@ss-w0rd-in-url';
    const issues = issuesOf({
      ...upstream,
      IAM_PASSWORD: secret,
      REDIS_URL: `http://user:${secret}@redis`,
      AUDIT_DATABASE_URL: secret,
      PORT: '-1',
    });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.join('\n')).not.toContain(secret);
  });

  it('resolves USERS_FILE, DATA_DIR and TRUST_PROXY', () => {
    const c = loadConfig(
      {
        DATA_DIR: 'state',
        USERS_FILE: 'conf/users.json',
        TRUST_PROXY: '1',
        PUBLIC_URL: 'https://c.example.com/',
      },
      { baseDir: '/srv' },
    );
    expect(c.dataDir).toBe('/srv/state');
    expect(c.usersFile).toBe('/srv/conf/users.json');
    expect(c.trustProxy).toBe(1);
    expect(c.publicOrigin).toBe('https://c.example.com');
    expect(c.publicHttps).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });

  it('turns the embedded demo background activity on by default, off with EMULATOR_ACTIVITY=off', () => {
    expect(loadConfig({}).embedded.activity).toBe(true);
    expect(loadConfig({ EMULATOR_ACTIVITY: ' OFF ' }).embedded.activity).toBe(false);
    expect(issuesOf({ EMULATOR_ACTIVITY: 'sometimes' }).join('\n')).toMatch(
      /EMULATOR_ACTIVITY: must be on or off/,
    );
  });
});

describe('settings that would weaken the server', () => {
  it('refuses TRUST_PROXY=true, naming the variable and what to set instead', () => {
    const issues = issuesOf({ TRUST_PROXY: 'true' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^TRUST_PROXY: true would believe every X-Forwarded-For/);
    expect(issues[0]).toMatch(
      /number of proxies .* \(e\.g\. 1\) or their addresses \(e\.g\. loopback,10\.0\.0\.0\/8\)/,
    );
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('refuses a plain-http upstream or IAM endpoint beyond this machine unless ALLOW_INSECURE_UPSTREAM=true, then warns', () => {
    const plain = {
      ...upstream,
      GAUSSDB_ENDPOINT: 'http://gaussdb.internal:8100',
      IAM_ENDPOINT: 'http://10.1.2.3:8100',
    };
    expect(issuesOf(plain)).toEqual([
      'GAUSSDB_ENDPOINT: http:// to gaussdb.internal would send the upstream credential unencrypted; use https://, or set ALLOW_INSECURE_UPSTREAM=true if this network is trusted',
      'IAM_ENDPOINT: http:// to 10.1.2.3 would send the upstream credential unencrypted; use https://, or set ALLOW_INSECURE_UPSTREAM=true if this network is trusted',
    ]);
    const allowed = loadConfig({ ...plain, ALLOW_INSECURE_UPSTREAM: 'true' });
    expect(allowed.warnings).toHaveLength(2);
    expect(allowed.warnings[0]).toMatch(
      /^GAUSSDB_ENDPOINT is plain http:\/\/ to gaussdb\.internal.*ALLOW_INSECURE_UPSTREAM=true/,
    );
    // Loopback needs no opt-in (a local emulator or a sidecar).
    for (const local of ['http://127.0.0.1:8100', 'http://localhost:8100', 'http://[::1]:8100']) {
      expect(loadConfig({ ...upstream, GAUSSDB_ENDPOINT: local, IAM_ENDPOINT: local }).warnings).toEqual([]);
    }
    expect(issuesOf({ ...plain, ALLOW_INSECURE_UPSTREAM: 'yes' })).toContain(
      'ALLOW_INSECURE_UPSTREAM: must be true or false',
    );
  });

  it('refuses HOST beyond loopback without an https PUBLIC_URL unless ALLOW_INSECURE_CONSOLE=true, then warns', () => {
    expect(issuesOf({ HOST: '0.0.0.0' })).toEqual([
      'HOST: listening on every interface serves sign-ins and session cookies beyond this machine; put the console behind HTTPS and set PUBLIC_URL=https://..., or set ALLOW_INSECURE_CONSOLE=true if this network is trusted',
    ]);
    expect(issuesOf({ HOST: '10.0.0.5', PUBLIC_URL: 'http://console.example.com' })[0]).toMatch(
      /^HOST: listening on 10\.0\.0\.5 serves sign-ins/,
    );
    expect(loadConfig({ HOST: '0.0.0.0', PUBLIC_URL: 'https://console.example.com' }).warnings).toEqual([]);
    const allowed = loadConfig({ HOST: '0.0.0.0', ALLOW_INSECURE_CONSOLE: 'true' });
    expect(allowed.warnings).toEqual([
      'HOST listens on every interface without an https:// PUBLIC_URL: passwords and session cookies may cross the network unencrypted (ALLOW_INSECURE_CONSOLE=true)',
    ]);
    expect(loadConfig({ HOST: 'localhost' }).warnings).toEqual([]);
  });

  it('reads ALLOWED_HOSTS and the stream and composite-read limits', () => {
    const c = loadConfig({
      ALLOWED_HOSTS: 'Console.Example.com, bff, 10.0.0.7',
      EVENTS_MAX_STREAMS_PER_SESSION: '3',
      EVENTS_MAX_STREAMS: '40',
      COMPOSITE_READS_PER_MINUTE: '12',
    });
    expect(c.allowedHosts).toEqual(['console.example.com', 'bff', '10.0.0.7']);
    expect(c.limits).toEqual({ streamsPerSession: 3, streamsPerServer: 40, compositeReadsPerMinute: 12 });
    expect(loadConfig({}).limits).toEqual({
      streamsPerSession: 8,
      streamsPerServer: 500,
      compositeReadsPerMinute: 30,
    });
    expect(issuesOf({ ALLOWED_HOSTS: 'https://console.example.com' })[0]).toMatch(
      /^ALLOWED_HOSTS: "https:\/\/console\.example\.com" is not a host name/,
    );
    expect(issuesOf({ EVENTS_MAX_STREAMS: '0' })).toEqual([
      'EVENTS_MAX_STREAMS: must be between 1 and 100000',
    ]);
  });

  it('reads UPSTREAM_TIMEOUT_MS (30 s by default) and refuses one out of range', () => {
    expect(loadConfig({}).upstreamTimeoutMs).toBe(30_000);
    expect(loadConfig({ UPSTREAM_TIMEOUT_MS: '2000' }).upstreamTimeoutMs).toBe(2000);
    expect(issuesOf({ UPSTREAM_TIMEOUT_MS: '100' })).toEqual([
      'UPSTREAM_TIMEOUT_MS: must be between 500 and 120000',
    ]);
  });
});
