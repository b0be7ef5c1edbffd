import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/auth/passwords';
import { readUsersFile } from '../src/auth/users-file';
import { createUserDirectory } from '../src/auth/user-directory';
import { tempDir } from './helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '../src/auth/users-cli.ts');

function runCli(
  args: string[],
  env: Record<string, string>,
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

// Each case spawns the CLI several times (about a second each under tsx), so allow for a busy machine.
describe('users CLI', { timeout: 90_000 }, () => {
  it('adds users with --password-stdin; the file holds scrypt hashes and never the password', async () => {
    const dir = tempDir();
    const env = { DATA_DIR: dir };
    const added = await runCli(
      ['add', 'root-admin', '--role', 'admin', '--password-stdin'],
      env,
      'Correct-Horse-Battery\n',
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const tenant = await runCli(
      [
        'add',
        'acme',
        '--role',
        'tenant',
        '--tenant',
        'inst-1:pdb-1',
        '--tenant',
        'inst-1:pdb-2',
        '--password-stdin',
      ],
      env,
      'Acme-Tenant-Pass-1\n',
    );
    expect(tenant.code).toBe(0);

    const file = path.join(dir, 'users.json');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('Correct-Horse-Battery');
    expect(text).not.toContain('Acme-Tenant-Pass-1');
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    const users = readUsersFile(file);
    expect(users.map((u) => [u.name, u.role])).toEqual([
      ['root-admin', 'admin'],
      ['acme', 'tenant'],
    ]);
    expect(users[0]?.password_hash).toMatch(/^scrypt\$/);
    expect(users[1]?.tenants).toEqual([
      { instance_id: 'inst-1', pdb_id: 'pdb-1' },
      { instance_id: 'inst-1', pdb_id: 'pdb-2' },
    ]);
    expect(await verifyPassword('Correct-Horse-Battery', users[0]?.password_hash ?? '')).toBe(true);
    // Salts differ per user, so equal passwords never give equal hashes.
    expect(users[0]?.password_hash.split('$')[4]).not.toBe(users[1]?.password_hash.split('$')[4]);

    const listed = await runCli(['list'], env);
    expect(listed.stdout).toMatch(/root-admin\tadmin/);
    expect(listed.stdout).toMatch(/acme\ttenant\tinst-1:pdb-1,inst-1:pdb-2/);
    expect(listed.stdout).not.toMatch(/scrypt/);

    const passwd = await runCli(['passwd', 'root-admin', '--password-stdin'], env, 'Another-Long-Pass-2\n');
    expect(passwd.code).toBe(0);
    const after = readUsersFile(file);
    expect(await verifyPassword('Another-Long-Pass-2', after[0]?.password_hash ?? '')).toBe(true);

    // unlock stamps the user (sign-in limits read it); the password and so the sessions stay as they were.
    const unlocked = await runCli(['unlock', 'acme'], env);
    expect(unlocked.code).toBe(0);
    expect(unlocked.stdout).toMatch(/^unlocked acme:/);
    const stamped = readUsersFile(file).find((u) => u.name === 'acme');
    expect(Date.parse(stamped?.unlocked_at ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(stamped?.password_hash).toBe(after[1]?.password_hash);

    const removed = await runCli(['remove', 'acme'], env);
    expect(removed.code).toBe(0);
    expect(readUsersFile(file).map((u) => u.name)).toEqual(['root-admin']);
    expect((await createUserDirectory({ usersFile: file })).find('root-admin')?.role).toBe('admin');
  });

  it('honours USERS_FILE over DATA_DIR', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'elsewhere', 'people.json');
    const res = await runCli(
      ['add', 'ops', '--role', 'operator', '--password-stdin'],
      { DATA_DIR: path.join(dir, 'data'), USERS_FILE: file },
      'Operator-Pass-123\n',
    );
    expect(res.code).toBe(0);
    expect(readUsersFile(file).map((u) => u.name)).toEqual(['ops']);
    expect(fs.existsSync(path.join(dir, 'data', 'users.json'))).toBe(false);
  });

  it('refuses short passwords, passwords as arguments, bad roles, tenants without grants and duplicates', async () => {
    const dir = tempDir();
    const env = { DATA_DIR: dir };
    const short = await runCli(['add', 'x', '--role', 'admin', '--password-stdin'], env, 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const arg = await runCli(['add', 'x', '--role', 'admin', '--password', 'Long-Enough-Pass-1'], env);
    expect(arg.code).toBe(2);
    expect(arg.stderr).toMatch(/never taken as arguments/);
    expect(
      (await runCli(['add', 'x', '--role', 'root', '--password-stdin'], env, 'Long-Enough-Pass-1\n')).stderr,
    ).toMatch(/--role admin\|operator\|viewer\|tenant/);
    expect(
      (await runCli(['add', 't', '--role', 'tenant', '--password-stdin'], env, 'Long-Enough-Pass-1\n'))
        .stderr,
    ).toMatch(/at least one --tenant/);
    expect(
      (
        await runCli(
          ['add', 't', '--role', 'tenant', '--tenant', 'nocolon', '--password-stdin'],
          env,
          'Long-Enough-Pass-1\n',
        )
      ).stderr,
    ).toMatch(/INSTANCE_ID:PDB_ID/);
    expect(
      (await runCli(['add', 'x', '--role', 'admin', '--password-stdin'], env, 'Long-Enough-Pass-1\n')).code,
    ).toBe(0);
    expect(
      (await runCli(['add', 'x', '--role', 'admin', '--password-stdin'], env, 'Long-Enough-Pass-1\n')).stderr,
    ).toMatch(/already exists/);
    const noTty = await runCli(['passwd', 'x'], env, '');
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toMatch(/--password-stdin/);
    expect((await runCli(['remove', 'ghost'], env)).stderr).toMatch(/no user ghost/);
  });
});
