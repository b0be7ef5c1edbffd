import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config';

/**
 * Paths pino replaces with "[redacted]": credentials in headers (ours and the upstream's), cookies, and
 * any `password`-like field in a logged object. Secrets in config are `Secret` objects, which print as ***.
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-auth-token"]',
  'req.headers["x-subject-token"]',
  'res.headers["set-cookie"]',
  'res.headers["x-subject-token"]',
  'res.headers["x-auth-token"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-auth-token"]',
  'headers["x-subject-token"]',
  'password',
  '*.password',
  '*.*.password',
  'body.password',
  'body.*.password',
  'token',
  '*.token',
  'sk',
  '*.sk',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'gaussdb-console-bff' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
