// A console event stream read the way EventSource reads it (fetch + text/event-stream parsing).
export interface SseEvent {
  id?: number;
  event: string;
  data: Record<string, unknown>;
  at: number;
}

export interface SseStream {
  /** Resolves when the first bytes arrived (the stream is open); rejects on a refused stream. */
  opened: Promise<void>;
  /** Resolves when the stream ends: `closed` by us, or `lost` (ended or failed before close()). */
  ended: Promise<'closed' | 'lost'>;
  onEvent(listener: (e: SseEvent) => void): void;
  close(): void;
}

export function openStream(url: string, cookie: string): SseStream {
  const abort = new AbortController();
  const listeners: ((e: SseEvent) => void)[] = [];
  let closing = false;
  let resolveOpened: () => void = () => undefined;
  let rejectOpened: (e: Error) => void = () => undefined;
  const opened = new Promise<void>((resolve, reject) => {
    resolveOpened = resolve;
    rejectOpened = reject;
  });
  const ended = (async (): Promise<'closed' | 'lost'> => {
    try {
      const res = await fetch(url, {
        headers: { cookie, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (res.status !== 200 || !res.body) {
        rejectOpened(new Error(`event stream refused: ${res.status} ${await res.text()}`));
        return 'lost';
      }
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let first = true;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (first) {
          first = false;
          resolveOpened();
        }
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const fields: Record<string, string> = {};
          for (const line of buffer.slice(0, cut).split('\n')) {
            if (!line.startsWith(':') && line.includes(':'))
              fields[line.slice(0, line.indexOf(':'))] = line.slice(line.indexOf(':') + 1).trim();
          }
          buffer = buffer.slice(cut + 2);
          if (fields.data !== undefined) {
            const e: SseEvent = {
              ...(fields.id ? { id: Number(fields.id) } : {}),
              event: fields.event ?? 'message',
              data: JSON.parse(fields.data) as Record<string, unknown>,
              at: Date.now(),
            };
            for (const l of listeners) l(e);
          }
        }
      }
    } catch (e) {
      rejectOpened(e instanceof Error ? e : new Error(String(e)));
    }
    return closing ? 'closed' : 'lost';
  })();
  // The caller may never await `opened` (a stream that fails before opening reports through `ended`).
  opened.catch(() => undefined);
  return {
    opened,
    ended,
    onEvent: (l) => listeners.push(l),
    close: () => {
      closing = true;
      abort.abort();
    },
  };
}
