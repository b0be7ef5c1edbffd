import { pathToFileURL } from 'node:url';
import { invocationDir, resolveUsersFile } from '../config';
import { checkPasswordPolicy, hashPassword } from './passwords';
import { parseTenantGrant, roleSchema, ROLES, type TenantGrant } from './roles';
import { readUsersFile, USER_NAME_RE, writeUsersFile, type StoredUser } from './users-file';
import { readPassword, type PasswordSource } from './users-cli-password';

/**
 * Console users admin: `npm run users -- add NAME --role R [--tenant INSTANCE_ID:PDB_ID ...] [--password-stdin]`,
 * `passwd NAME [--password-stdin]`, `remove NAME`, `unlock NAME`, `list`. Passwords come from a no-echo prompt or stdin,
 * never from an argument (arguments end up in shell history and `ps`).
 */

const USAGE = `Usage: npm run users -- <command>
  add NAME --role ${ROLES.join('|')} [--tenant INSTANCE_ID:PDB_ID ...] [--password-stdin]
  passwd NAME [--password-stdin]
  remove NAME
  unlock NAME
  list
The users file is USERS_FILE, else <DATA_DIR>/users.json (DATA_DIR defaults to data/).
Without --password-stdin the password is prompted (not echoed) on the terminal.`;

class UsageError extends Error {}

interface Parsed {
  command: string;
  name?: string;
  role?: string;
  tenants: string[];
  passwordStdin: boolean;
}

function parseArgs(argv: readonly string[]): Parsed {
  const out: Parsed = { command: argv[0] ?? '', tenants: [], passwordStdin: false };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--role') out.role = value();
    else if (a === '--tenant') out.tenants.push(value());
    else if (a === '--password-stdin') out.passwordStdin = true;
    else if (a === '--password' || a.startsWith('--password=')) {
      throw new UsageError(
        'passwords are never taken as arguments: use --password-stdin or answer the prompt',
      );
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (out.name === undefined) out.name = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  return out;
}

function requireName(p: Parsed): string {
  if (!p.name) throw new UsageError(`${p.command} needs a user NAME`);
  if (!USER_NAME_RE.test(p.name)) {
    throw new UsageError(
      'NAME must start with a letter or digit and hold only letters, digits, . _ @ - (at most 64)',
    );
  }
  return p.name;
}

async function newPasswordHash(source: PasswordSource): Promise<string> {
  const password = await readPassword(source);
  const problem = checkPasswordPolicy(password);
  if (problem) throw new UsageError(problem);
  return hashPassword(password);
}

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  password: PasswordSource;
}

export async function runUsersCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const p = parseArgs(argv);
    const file = resolveUsersFile(io.env, invocationDir(io.env));
    const users = readUsersFile(file);
    const now = new Date().toISOString();
    const source = { ...io.password, fromStdin: p.passwordStdin };
    switch (p.command) {
      case 'add': {
        const name = requireName(p);
        const role = roleSchema.safeParse(p.role);
        if (!role.success) throw new UsageError(`add needs --role ${ROLES.join('|')}`);
        const tenants: TenantGrant[] = p.tenants.map((t) => {
          const g = parseTenantGrant(t);
          if (!g)
            throw new UsageError(`--tenant ${t}: expected INSTANCE_ID:PDB_ID (letters, digits, hyphens)`);
          return g;
        });
        if (role.data === 'tenant' && tenants.length === 0)
          throw new UsageError('a tenant user needs at least one --tenant INSTANCE_ID:PDB_ID');
        if (role.data !== 'tenant' && tenants.length > 0)
          throw new UsageError('--tenant applies only to --role tenant');
        if (users.some((u) => u.name === name))
          throw new UsageError(`user ${name} already exists (use passwd to change the password)`);
        const user: StoredUser = {
          name,
          role: role.data,
          tenants,
          password_hash: await newPasswordHash(source),
          created_at: now,
          updated_at: now,
        };
        writeUsersFile(file, [...users, user]);
        io.out(`added user ${name} (${role.data}) to ${file}`);
        return 0;
      }
      case 'passwd': {
        const name = requireName(p);
        const user = users.find((u) => u.name === name);
        if (!user) throw new UsageError(`no user ${name} in ${file}`);
        const hash = await newPasswordHash(source);
        writeUsersFile(
          file,
          users.map((u) => (u.name === name ? { ...u, password_hash: hash, updated_at: now } : u)),
        );
        io.out(`changed the password of ${name}; their open sessions end`);
        return 0;
      }
      case 'remove': {
        const name = requireName(p);
        if (!users.some((u) => u.name === name)) throw new UsageError(`no user ${name} in ${file}`);
        writeUsersFile(
          file,
          users.filter((u) => u.name !== name),
        );
        io.out(`removed user ${name}; their open sessions end`);
        return 0;
      }
      case 'unlock': {
        // The running console re-reads the file: failed sign-ins before this moment stop counting for the name.
        const name = requireName(p);
        if (!users.some((u) => u.name === name)) throw new UsageError(`no user ${name} in ${file}`);
        writeUsersFile(
          file,
          users.map((u) => (u.name === name ? { ...u, unlocked_at: now } : u)),
        );
        io.out(
          `unlocked ${name}: earlier failed sign-ins no longer lock the name out (consoles reading ${file} apply it at once; replicas with users files of their own: use POST /api/v1/users/${name}/unlock)`,
        );
        return 0;
      }
      case 'list': {
        if (users.length === 0) io.out(`no users in ${file}`);
        for (const u of users) {
          const tenants = u.tenants.map((t) => `${t.instance_id}:${t.pdb_id}`).join(',');
          io.out(`${u.name}\t${u.role}${tenants ? `\t${tenants}` : ''}\tupdated ${u.updated_at}`);
        }
        return 0;
      }
      case '':
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return p.command === '' ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${p.command}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`users: ${err.message}`);
      io.err(USAGE.split('\n')[0] as string);
      return 2;
    }
    io.err(`users: ${(err as Error).message}`);
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const code = await runUsersCli(process.argv.slice(2), {
    env: process.env,
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    password: { stdin: process.stdin, tty: process.stderr, fromStdin: false },
  });
  process.exitCode = code;
}
