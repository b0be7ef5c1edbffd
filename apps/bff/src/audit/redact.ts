/**
 * Removes secrets from an audited input: the value of any key that looks like a credential becomes "***".
 * Key rule: /password|secret|token|sk$/i as briefed, with two adjustments found in the API reference:
 * a lower-case "sk" after a lower-case letter is an ordinary word ending (disk, task), not a secret key,
 * and the reference names some passwords `pd_in_db`/`pwd` (4.10.1 `pdb_pd_in_db`), which are caught too.
 */
export function isSecretKey(key: string): boolean {
  if (/password|secret|token|passwd|pwd|pd_in_db|credential|private_key/i.test(key)) return true;
  return /sk$/i.test(key) && !/[a-z]sk$/.test(key);
}

export const REDACTED = '***';
const MAX_DEPTH = 12;

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = isSecretKey(k) ? REDACTED : redactSecrets(v, depth + 1);
    return out;
  }
  return value;
}
