import type { Readable, Writable } from 'node:stream';
import type { ReadStream } from 'node:tty';

/** Where the users CLI reads a new password from: piped stdin, or a no-echo prompt on a terminal. */
export interface PasswordSource {
  stdin: Readable;
  /** Prompts go here (stderr), so stdout stays clean for scripts. */
  tty: Writable;
  fromStdin: boolean;
}

async function readAll(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.length > 10_000) break;
  }
  return text;
}

/** One line typed without echo; Ctrl-C aborts. */
function promptHidden(question: string, input: ReadStream, output: Writable): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(question);
    let value = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const done = (err?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}

export async function readPassword(source: PasswordSource): Promise<string> {
  if (source.fromStdin) {
    const text = await readAll(source.stdin);
    return (text.split(/\r?\n/)[0] ?? '').replace(/\r$/, '');
  }
  const input = source.stdin as ReadStream;
  if (!input.isTTY) {
    throw new Error('stdin is not a terminal: pipe the password and pass --password-stdin');
  }
  const first = await promptHidden('New password: ', input, source.tty);
  const second = await promptHidden('Repeat it: ', input, source.tty);
  if (first !== second) throw new Error('the two passwords differ; nothing changed');
  return first;
}
