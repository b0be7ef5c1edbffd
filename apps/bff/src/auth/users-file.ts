import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CONSOLE_USER_NAME_RE } from '@gaussdb-console/api-client';
import { z } from 'zod';
import { isPasswordHash } from './passwords';
import { roleSchema, tenantGrantSchema } from './roles';

/**
 * The console users file (USERS_FILE, default <DATA_DIR>/users.json): names, roles, tenant grants and
 * scrypt hashes, never a plaintext password. Written atomically (temp file + rename) with mode 0600.
 */

/** The console contract's rule, shared with the users page (console/users.ts). */
export const USER_NAME_RE = CONSOLE_USER_NAME_RE;

export const storedUserSchema = z.strictObject({
  name: z.string().regex(USER_NAME_RE),
  role: roleSchema,
  tenants: z.array(tenantGrantSchema).default([]),
  password_hash: z.string().refine(isPasswordHash, { message: 'not an scrypt hash' }),
  created_at: z.string(),
  updated_at: z.string(),
  /** Set by `users unlock NAME`: failed sign-ins before it no longer lock the name out (login-limiter.ts). */
  unlocked_at: z.string().optional(),
});
export type StoredUser = z.output<typeof storedUserSchema>;

const usersFileSchema = z.strictObject({ version: z.literal(1), users: z.array(storedUserSchema) });

export class UsersFileError extends Error {
  override name = 'UsersFileError';
}

/** Reads the file; a missing file is an empty list, a malformed one an error that names the file. */
export function readUsersFile(file: string): StoredUser[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UsersFileError(`cannot read the users file ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsersFileError(`the users file ${file} is not valid JSON`);
  }
  const parsed = usersFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UsersFileError(
      `the users file ${file} is malformed at ${first?.path.join('.') ?? '?'}: ${first?.message ?? ''}`,
    );
  }
  return parsed.data.users;
}

export function writeUsersFile(file: string, users: readonly StoredUser[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ version: 1, users }, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}
