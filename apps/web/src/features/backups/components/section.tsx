import type { ReactNode } from 'react';

/** A titled block of a tab: heading, optional actions on the right, then its content. */
export function Section(props: { title: string; actions?: ReactNode; children: ReactNode; id?: string }) {
  const headingId = props.id ? `${props.id}-heading` : undefined;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 id={headingId} className="text-base font-semibold">
          {props.title}
        </h2>
        <div className="ml-auto flex items-center gap-2">{props.actions}</div>
      </div>
      {props.children}
    </section>
  );
}
