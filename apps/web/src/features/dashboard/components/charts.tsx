import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Pie,
  PieChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * The dashboard's charts (recharts, loaded with the pages that draw them, never in the first load). Each
 * chart is a picture of figures that are also written beside it as links: the chart is aria-hidden.
 */

export interface Slice {
  key: string;
  label: string;
  value: number;
  color: string;
}

const pick = (data: Slice[], i: number, onSelect?: (key: string) => void) => {
  const key = data[i]?.key;
  if (key) onSelect?.(key);
};

export function Donut({ data, onSelect }: { data: Slice[]; onSelect?: (key: string) => void }) {
  return (
    <div aria-hidden className="h-40 w-40 shrink-0">
      <ResponsiveContainer width="100%" height="100%">
        <PieChart accessibilityLayer={false}>
          <Pie
            data={data}
            dataKey="value"
            nameKey="label"
            innerRadius="58%"
            outerRadius="95%"
            paddingAngle={data.length > 1 ? 2 : 0}
            // Out of the tab order: the same figures are links beside the chart (axe aria-hidden-focus).
            rootTabIndex={-1}
            isAnimationActive={false}
            onClick={(_: unknown, i: number) => pick(data, i, onSelect)}
            className={onSelect ? 'cursor-pointer' : undefined}
          >
            {data.map((s) => (
              <Cell key={s.key} fill={s.color} stroke="none" />
            ))}
          </Pie>
          <Tooltip formatter={(v) => String(v)} />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}

export function Bars({
  data,
  onSelect,
  unit = '',
}: {
  data: Slice[];
  onSelect?: (key: string) => void;
  unit?: string;
}) {
  return (
    <div aria-hidden className="w-full min-w-0" style={{ height: Math.max(64, data.length * 30 + 16) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout="vertical"
          margin={{ left: 8, right: 16 }}
          accessibilityLayer={false}
          maxBarSize={22}
        >
          <XAxis
            type="number"
            hide
            allowDecimals={false}
            unit={unit}
            domain={unit === '%' ? [0, 100] : [0, 'auto']}
          />
          <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12, fill: 'currentColor' }} />
          <Tooltip cursor={{ fillOpacity: 0.1 }} formatter={(v) => `${String(v)}${unit}`} />
          <Bar
            dataKey="value"
            isAnimationActive={false}
            radius={[0, 3, 3, 0]}
            onClick={(_: unknown, i: number) => pick(data, i, onSelect)}
            className={onSelect ? 'cursor-pointer' : undefined}
          >
            {data.map((s) => (
              <Cell key={s.key} fill={s.color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface UsagePoint {
  t: number;
  used: number;
  total: number;
}

/** Used GB over time under the disk's size, with the trend line's reach when there is one. */
export function UsageChart(props: {
  points: UsagePoint[];
  formatTime: (t: number) => string;
  trendTo?: UsagePoint;
}) {
  const data = props.trendTo
    ? [
        ...props.points.map((p) => ({ ...p, trend: undefined as number | undefined })),
        { ...props.trendTo, trend: props.trendTo.used },
      ]
    : props.points;
  const last = props.points.at(-1);
  return (
    <div aria-hidden className="h-44 w-full min-w-0 text-slate-600 dark:text-slate-300">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ left: 0, right: 12, top: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={props.formatTime}
            tick={{ fontSize: 11, fill: 'currentColor' }}
          />
          <YAxis
            unit=" GB"
            width={64}
            tick={{ fontSize: 11, fill: 'currentColor' }}
            domain={[0, (max: number) => Math.max(max, last?.total ?? 0)]}
          />
          <Tooltip
            labelFormatter={(v) => props.formatTime(Number(v))}
            formatter={(v) => `${Number(v).toFixed(1)} GB`}
          />
          {last && <ReferenceLine y={last.total} stroke="#ea580c" strokeDasharray="4 3" />}
          <Area
            type="monotone"
            dataKey="used"
            stroke="#0369a1"
            fill="#0ea5e9"
            fillOpacity={0.25}
            isAnimationActive={false}
            connectNulls
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
