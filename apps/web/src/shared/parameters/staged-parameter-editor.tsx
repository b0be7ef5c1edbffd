import { Info } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { Location } from 'react-router';
import { LeaveGuard } from './leave-guard';
import type { EditableParameter } from './parameter-rules';
import { StagedParameterTable, type ParameterFilters } from './staged-parameter-table';
import { StagedChangesBar, StagedReviewDialog } from './staged-review';
import type { StagedEdits } from './use-staged-edits';

/** The default last step: the diff and one call with every staged value. */
export interface ApplyStep {
  title: string;
  label: string;
  restartNote?: ReactNode;
  note?: ReactNode;
  onApply: (values: Record<string, string>) => Promise<void>;
}

/**
 * Staged editing of a list of parameters, whatever owns them (an instance, a template, a tenant): the list
 * with filters and in-place editors, the bar with the staged count, the review with the diff, and a
 * question before leaving with unsent edits. The owner gives the parameters, the edits' state
 * (useStagedEdits) and what "apply" means: the default review (`apply`) or its own (`renderReview`).
 */
export function StagedParameterEditor(props: {
  parameters: readonly EditableParameter[];
  staged: StagedEdits;
  readOnly: boolean;
  /** Shown above the list: why nothing can be edited (role, state), or what applying means. */
  note?: ReactNode;
  filters: ParameterFilters;
  onFiltersChange: (patch: Partial<ParameterFilters>) => void;
  label: string;
  reviewLabel: string;
  apply?: ApplyStep;
  renderReview?: (p: { open: boolean; onOpenChange: (open: boolean) => void }) => ReactNode;
  isSamePage?: (current: Location, next: Location) => boolean;
}) {
  const { staged } = props;
  const [reviewing, setReviewing] = useState(false);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  // A refusal concerns the values that were sent: typing again clears it.
  useEffect(() => setRowErrors({}), [staged.edits]);
  return (
    <div className="flex flex-col">
      {props.note && (
        <p className="flex items-start gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-800/60 dark:text-slate-200">
          <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>{props.note}</span>
        </p>
      )}
      <StagedParameterTable
        parameters={props.parameters}
        staged={staged}
        readOnly={props.readOnly}
        filters={props.filters}
        onFiltersChange={props.onFiltersChange}
        rowErrors={rowErrors}
        label={props.label}
      />
      {!props.readOnly && (
        <StagedChangesBar
          staged={staged}
          onReview={() => setReviewing(true)}
          reviewLabel={props.reviewLabel}
        />
      )}
      {props.apply && (
        <StagedReviewDialog
          staged={staged}
          open={reviewing}
          onOpenChange={setReviewing}
          title={props.apply.title}
          applyLabel={props.apply.label}
          restartNote={props.apply.restartNote}
          note={props.apply.note}
          onApply={props.apply.onApply}
          onRefused={setRowErrors}
        />
      )}
      {props.renderReview?.({ open: reviewing, onOpenChange: setReviewing })}
      <LeaveGuard when={staged.dirty} count={staged.changes.length} isSamePage={props.isSamePage} />
    </div>
  );
}
