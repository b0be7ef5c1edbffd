import path from 'node:path';
import { z } from 'zod';
import { parseSeed } from './seed-data/seed';

/** Command-line options of `npm run emulator -- ...`, validated with clear messages. */
export const cliOptionsSchema = z
  .strictObject({
    port: z.coerce
      .number({ message: '--port must be a number' })
      .int('--port must be an integer')
      .min(0, '--port must be 0–65535')
      .max(65535, '--port must be 0–65535')
      .default(8100),
    host: z.string().min(1, '--host must not be empty').default('127.0.0.1'),
    data: z.string().min(1, '--data needs a directory').optional(),
    memory: z.boolean().default(false),
    speed: z.coerce
      .number({ message: '--speed must be a number' })
      .positive('--speed must be > 0')
      .max(100_000, '--speed must be at most 100000')
      .default(1),
    seed: z
      .string()
      .default('demo')
      .refine((s) => parseSeed(s) !== undefined, {
        message: '--seed must be demo, empty or scale:N (e.g. scale:10000)',
      }),
    admin: z.boolean().optional(),
    activity: z.enum(['on', 'off'], { message: '--activity must be on or off' }).optional(),
    stateFile: z.string().min(1, '--state-file needs a path').optional(),
  })
  .refine((o) => !(o.memory && o.data), { message: '--data and --memory exclude each other' });

export type CliOptions = z.output<typeof cliOptionsSchema>;
export type ResolvedCliOptions = Omit<CliOptions, 'activity'> & { activity: boolean };

const FLAGS: Record<string, { key: keyof CliOptions; boolean?: true }> = {
  '--port': { key: 'port' },
  '--host': { key: 'host' },
  '--data': { key: 'data' },
  '--memory': { key: 'memory', boolean: true },
  '--speed': { key: 'speed' },
  '--seed': { key: 'seed' },
  '--admin': { key: 'admin', boolean: true },
  '--activity': { key: 'activity' },
  '--state-file': { key: 'stateFile' },
};

export const USAGE = `Usage: npm run emulator -- [--port 8100] [--host 127.0.0.1] [--data DIR | --memory] [--speed N]
                          [--seed demo|empty|scale:N] [--admin] [--activity on|off] [--state-file PATH]
  EMULATOR_ACTIVITY=on|off sets the default of --activity (on with the demo seed, off otherwise).`;

/**
 * `on`/`off` (any case, spaces around ignored; also true/false, 1/0) as a boolean; undefined for unset or blank;
 * an Error naming `name` for anything else. Shared by the CLI and the console's embedded emulator.
 */
export function parseActivity(value: string | undefined, name = 'EMULATOR_ACTIVITY'): boolean | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (v === 'on' || v === 'true' || v === '1') return true;
  if (v === 'off' || v === 'false' || v === '0') return false;
  throw new Error(`${name} must be on or off (got "${value}")`);
}

/**
 * Parses argv (`--flag value` or `--flag=value`); throws an Error with a readable message. `activity` comes out
 * resolved: the flag, else `EMULATOR_ACTIVITY`, else on for the demo seed.
 */
export function parseCliArgs(
  argv: readonly string[],
  cwd = process.env.INIT_CWD ?? process.cwd(),
  env: Record<string, string | undefined> = process.env,
): ResolvedCliOptions {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const flag = FLAGS[name!];
    if (!flag) throw new Error(`unknown option ${arg}\n${USAGE}`);
    if (flag.boolean) {
      raw[flag.key] = inline === undefined ? true : inline !== 'false';
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--')))
      throw new Error(`${name} needs a value\n${USAGE}`);
    raw[flag.key] = value;
  }
  const result = cliOptionsSchema.safeParse(raw);
  if (!result.success) throw new Error(`${result.error.issues.map((i) => i.message).join('\n')}\n${USAGE}`);
  const o = result.data;
  const activity =
    o.activity !== undefined
      ? o.activity === 'on'
      : (parseActivity(env.EMULATOR_ACTIVITY) ?? o.seed === 'demo');
  // Relative paths are relative to where the user ran npm (INIT_CWD), not to apps/emulator.
  return {
    ...o,
    activity,
    data: o.memory ? undefined : path.resolve(cwd, o.data ?? 'data/emulator'),
    stateFile: o.stateFile ? path.resolve(cwd, o.stateFile) : undefined,
  };
}
