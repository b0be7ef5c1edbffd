import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Tone } from '../../../shared/ui/status-badge';

/** The charts, loaded with the first card that draws one (recharts stays out of the first load). */
export const Donut = lazy(async () => ({ default: (await import('./charts')).Donut }));
export const Bars = lazy(async () => ({ default: (await import('./charts')).Bars }));
export const UsageChart = lazy(async () => ({ default: (await import('./charts')).UsageChart }));

/** A chart's place while recharts loads: the same size, so nothing jumps. */
export function ChartSlot({
  children,
  className = 'h-40 w-40',
}: {
  children: ReactNode;
  className?: string;
}) {
  return <Suspense fallback={<div aria-hidden className={className} />}>{children}</Suspense>;
}

/** One mapping from a status tone to a chart colour (UI.md "Status colours"). */
export const TONE_COLOR: Record<Tone, string> = {
  healthy: '#059669',
  neutral: '#64748b',
  progress: '#0284c7',
  decision: '#d97706',
  degraded: '#ea580c',
  failed: '#dc2626',
  gone: '#94a3b8',
};

export function Card(props: {
  title: string;
  id: string;
  children: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={props.id}
      className={`flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 ${props.className ?? ''}`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={props.id} className="font-semibold">
          {props.title}
        </h2>
        {props.action}
      </div>
      {props.children}
    </section>
  );
}

/** A figure that is a link to the list it counts. */
export function Figure(props: { to: string; value: ReactNode; label: string; tone?: 'danger' | 'plain' }) {
  return (
    <Link
      to={props.to}
      className="group flex flex-col rounded-md px-1 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:outline-none dark:hover:bg-slate-800"
    >
      <span
        className={`text-3xl font-semibold tabular-nums group-hover:underline ${props.tone === 'danger' ? 'text-red-700 dark:text-red-400' : 'text-slate-900 dark:text-slate-50'}`}
      >
        {props.value}
      </span>
      <span className="text-xs text-slate-600 dark:text-slate-300">{props.label}</span>
    </Link>
  );
}

export const base = (project: string) => `/p/${encodeURIComponent(project)}`;
