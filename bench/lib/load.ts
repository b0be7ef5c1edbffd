// Load generation: autocannon for throughput, a sequential keep-alive client for latency at one connection
// (microsecond timing; autocannon's histogram rounds to the millisecond).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { percentile } from './stack';

export interface Throughput {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  bytesPerResponse: number;
}

export async function throughput(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<Throughput> {
  const r = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
    pipelining: 1,
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytesPerResponse: r.requests.total > 0 ? r.throughput.total / r.requests.total : 0,
  };
}

export interface Latency {
  p50: number;
  p99: number;
  mean: number;
  count: number;
}

/** `count` requests one after another on one kept-alive connection; times in ms. */
export async function sequentialLatency(
  url: string,
  options: { count: number; headers?: Record<string, string> },
): Promise<Latency> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(url);
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          headers: options.headers ?? {},
          agent,
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(performance.now() - t0)
              : reject(new Error(`status ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
  for (let i = 0; i < Math.min(200, options.count); i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < options.count; i++) samples.push(await once());
  agent.destroy();
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: samples.reduce((s, x) => s + x, 0) / samples.length,
    count: samples.length,
  };
}
