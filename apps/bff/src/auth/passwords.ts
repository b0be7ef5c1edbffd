import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import {
  CONSOLE_PASSWORD_MAX_LENGTH,
  CONSOLE_PASSWORD_MIN_LENGTH,
  consolePasswordProblem,
} from '@gaussdb-console/api-client';

/**
 * Console-user password hashing with node:crypto scrypt. Stored form:
 *   scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url>
 * so the cost can be raised later without invalidating existing hashes.
 */

const KEY_LENGTH = 64;
const DEFAULT_COST = { N: 16_384, r: 8, p: 1 };
export const MIN_PASSWORD_LENGTH = CONSOLE_PASSWORD_MIN_LENGTH;
const MAX_PASSWORD_LENGTH = CONSOLE_PASSWORD_MAX_LENGTH;

function scryptAsync(
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Returns a message saying what is wrong, or undefined when the password is acceptable (the console contract's rule). */
export const checkPasswordPolicy = consolePasswordProblem;

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const HASH_RE = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

export function isPasswordHash(value: string): boolean {
  return HASH_RE.test(value);
}

/** Constant-time comparison of the derived key; false (never a throw) for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = HASH_RE.exec(stored);
  if (!m) return false;
  const [, n, r, p, saltText, keyText] = m as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(keyText, 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const key = await scryptAsync(
    password.slice(0, MAX_PASSWORD_LENGTH),
    Buffer.from(saltText, 'base64url'),
    KEY_LENGTH,
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    },
  );
  return timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash to verify against when the user name does not exist, so an unknown name costs the same scrypt
 * work as a wrong password and response time does not reveal which names exist.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
  return dummyHash;
}
