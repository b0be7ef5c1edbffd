import { inspect } from 'node:util';

/**
 * A value that must never reach a log line, a response or an error message. Serialising or printing it
 * (JSON.stringify, String(), template literals, util.inspect/console.log, pino) yields "***"; only
 * `reveal()` returns the value, so every place that needs the real thing is easy to find.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '***';
  }

  toJSON(): string {
    return '***';
  }

  [inspect.custom](): string {
    return 'Secret(***)';
  }
}
