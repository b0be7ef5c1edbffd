/**
 * Instance list cost with 100 vs 10,000 instances, at the store and over HTTP.
 * Run: `npm run bench -- emulator-list` (from the repo root). Prints a markdown table for docs/performance.md.
 */
import { performance } from 'node:perf_hooks';
import { instancesCollection } from '../apps/emulator/src/domain/instance-model';
import { instanceFilters } from '../apps/emulator/src/domain/instances';
import { startEmulator } from '../apps/emulator/src/index';

const SIZES = [100, 10_000];
const ROUNDS = 300;

const QUERIES: { label: string; query: Record<string, string> }[] = [
  { label: 'first page (limit 100)', query: { limit: '100' } },
  { label: 'fuzzy name `*00042`', query: { name: '*00042', limit: '100' } },
  { label: 'type + vpc filter', query: { type: 'Enterprise', vpc_id: 'vpc-3', limit: '100' } },
  { label: 'tag filter `team=team7`', query: { tags: 'team=team7', limit: '100' } },
  { label: 'last page', query: { offset: 'LAST', limit: '100' } },
];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return { mean, p95: sorted[Math.floor(sorted.length * 0.95)]! };
}

export async function runEmulatorList(): Promise<string> {
  const rows: string[] = [];
  for (const size of SIZES) {
    const seedStart = performance.now();
    const emu = await startEmulator({ memory: true, seed: `scale:${size}`, clock: 'manual', admin: false });
    const seedMs = performance.now() - seedStart;
    const col = emu.runtime.store.collection(instancesCollection);
    const tokenRes = await fetch(`${emu.url}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: {
                name: emu.credentials.iam.user,
                password: emu.credentials.iam.password,
                domain: { name: emu.credentials.iam.domain },
              },
            },
          },
          scope: { project: { name: emu.projectName } },
        },
      }),
    });
    const token = tokenRes.headers.get('x-subject-token')!;
    rows.push(
      `| ${size.toLocaleString('en')} | seed load (one transaction) | ${seedMs.toFixed(0)} ms total | | | |`,
    );

    // The filter's own cost (COUNT plus the page's ids, before any document is read): as the store ran it before the
    // indexes (LIKE over every row of the project) and as it runs it now, timed in the same run so that machine load
    // cannot make the comparison.
    const db = emu.runtime.store.db;
    for (const [label, scanWhere, scanArgs, indexWhere, indexArgs] of [
      [
        'fuzzy name `*00042`',
        "name LIKE ? ESCAPE '\\'",
        ['%00042%'],
        "rowid IN (SELECT rowid FROM f_instances WHERE name LIKE ?) AND name LIKE ? ESCAPE '\\'",
        ['%00042%', '%00042%'],
      ],
      // Every trigram of `*00042` is common in scale:N names (`000` is in a tenth of them); `*07613`'s are not.
      [
        'fuzzy name `*07613`',
        "name LIKE ? ESCAPE '\\'",
        ['%07613%'],
        "rowid IN (SELECT rowid FROM f_instances WHERE name LIKE ?) AND name LIKE ? ESCAPE '\\'",
        ['%07613%', '%07613%'],
      ],
      [
        'tag filter `team=team7`',
        "tags LIKE ? ESCAPE '\\'",
        ['%|team=team7|%'],
        'rowid IN (SELECT rid FROM s_instances__tag WHERE value = ?)',
        ['team=team7'],
      ],
    ] as const) {
      for (const [how, where, args] of [
        ['scan (before)', scanWhere, scanArgs],
        ['index (now)', indexWhere, indexArgs],
      ] as const) {
        const count = db.prepare(`SELECT COUNT(*) AS n FROM c_instances WHERE project_id = ? AND ${where}`);
        const page = db.prepare(
          `SELECT id FROM c_instances WHERE project_id = ? AND ${where} ORDER BY created_at DESC, rowid DESC LIMIT 100`,
        );
        const times: number[] = [];
        let n = 0;
        for (let i = 0; i < ROUNDS; i++) {
          const t0 = performance.now();
          n = (count.get(emu.projectId, ...args) as { n: number }).n;
          page.all(emu.projectId, ...args);
          times.push(performance.now() - t0);
        }
        const st = stats(times);
        rows.push(
          `| ${size.toLocaleString('en')} | ${label}: filter only, ${how} | ${n} | ${st.mean.toFixed(2)} / ${st.p95.toFixed(2)} | |`,
        );
      }
    }

    for (const { label, query } of QUERIES) {
      const q = {
        ...query,
        offset: query.offset === 'LAST' ? String(Math.max(0, size - 100)) : (query.offset ?? '0'),
      };
      const store: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        col.find({
          projectId: emu.projectId,
          where: instanceFilters({ ...q, offset: Number(q.offset) }),
          orderBy: [{ col: 'created_at', desc: true }],
          offset: Number(q.offset),
          limit: 100,
        });
        store.push(performance.now() - t0);
      }
      const http: number[] = [];
      const url = `${emu.url}/v3.1/${emu.projectId}/instances?${new URLSearchParams(q).toString()}`;
      let total = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        const res = await fetch(url, { headers: { 'x-auth-token': token } }).catch((e: unknown) => {
          throw new Error(`${size} ${label} round ${i}: ${String(e)}`);
        });
        total = ((await res.json()) as { total_count: number }).total_count;
        http.push(performance.now() - t0);
      }
      const s = stats(store);
      const h = stats(http);
      rows.push(
        `| ${size.toLocaleString('en')} | ${label} | ${total} | ${s.mean.toFixed(2)} / ${s.p95.toFixed(2)} | ${h.mean.toFixed(2)} / ${h.p95.toFixed(2)} |`,
      );
    }
    await emu.close();
  }

  return [
    `Instance list, ${ROUNDS} rounds each (node ${process.version}); times in ms, mean / p95.`,
    '',
    '| instances | query | matches | store | HTTP |',
    '|---|---|---|---|---|',
    ...rows.map((r) => r.replace(/ \| \| \| \|$/, ' | | |')),
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) console.log(await runEmulatorList());
