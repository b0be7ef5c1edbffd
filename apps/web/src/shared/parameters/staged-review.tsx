import { AlertTriangle, RotateCcw } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../forms/operation-dialog';
import { BffError } from '../lib/bff';
import { Button } from '../ui/button';
import { StagedDiff } from './staged-diff';
import type { StagedEdits } from './use-staged-edits';

/**
 * Which staged parameters a refusal concerns: the server names them in its fields (`values.max_connections`)
 * or in its message (`values.max_connections: "0" is out of range`), in either language.
 */
export function rowErrorsOf(error: unknown, names: readonly string[]): Record<string, string> {
  if (!(error instanceof BffError)) return {};
  const out: Record<string, string> = {};
  for (const f of error.fields ?? []) {
    const name = names.find((n) => f.path.endsWith(`.${n}`) || f.path === n);
    if (name) out[name] = f.message;
  }
  if (Object.keys(out).length) return out;
  const mentioned = names.filter((n) =>
    new RegExp(`(^|[^A-Za-z0-9_])${n.replace(/\./g, '\\.')}([^A-Za-z0-9_]|$)`).test(error.message),
  );
  const text = error.code.startsWith('DBS.') ? `${error.code} ${error.message}` : error.message;
  for (const n of mentioned) out[n] = text;
  return out;
}

/** The bar under a list with staged edits: how many, how many need a restart, review or discard. */
export function StagedChangesBar(props: { staged: StagedEdits; onReview: () => void; reviewLabel: string }) {
  const { t } = useTranslation();
  const { staged } = props;
  if (!staged.dirty) return null;
  return (
    <div
      role="region"
      aria-label={t('paramEdit.barLabel')}
      className="sticky bottom-0 z-20 flex flex-wrap items-center gap-3 border-t border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <span className="font-medium">{t('paramEdit.stagedCount', { count: staged.changes.length })}</span>
      {staged.needRestart.length > 0 && (
        <span className="inline-flex items-center gap-1">
          <RotateCcw className="size-3.5" aria-hidden />
          {t('paramEdit.restartCount', { count: staged.needRestart.length })}
        </span>
      )}
      {staged.invalid.length > 0 && (
        <span className="inline-flex items-center gap-1 text-red-800 dark:text-red-300">
          <AlertTriangle className="size-3.5" aria-hidden />
          {t('paramEdit.invalidCount', { count: staged.invalid.length })}
        </span>
      )}
      <div className="ml-auto flex gap-2">
        <Button size="sm" onClick={staged.discard}>
          {t('paramEdit.discard')}
        </Button>
        <Button size="sm" variant="primary" onClick={props.onReview} disabled={staged.invalid.length > 0}>
          {props.reviewLabel}
        </Button>
      </div>
    </div>
  );
}

/**
 * The last look before the staged edits are sent: the diff, what a restart means here, the server's refusal
 * whole (its DBS code and message) when it refuses; Apply sends them all in one call.
 */
export function StagedReviewDialog(props: {
  staged: StagedEdits;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  applyLabel: string;
  /** What the changes that need a restart mean for this target (e.g. "until the instance restarts"). */
  restartNote?: ReactNode;
  note?: ReactNode;
  /** Sends the values; throws the refusal. */
  onApply: (values: Record<string, string>) => Promise<void>;
  /** Told which staged parameters the refusal concerns, to mark them in the list. */
  onRefused?: (rowErrors: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const { staged } = props;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const change = (open: boolean) => {
    if (!open) setError(undefined);
    props.onOpenChange(open);
  };
  const apply = async () => {
    setPending(true);
    setError(undefined);
    try {
      await props.onApply(staged.values());
      change(false);
    } catch (e) {
      setError(e);
      props.onRefused?.(
        rowErrorsOf(
          e,
          staged.changes.map((c) => c.name),
        ),
      );
    } finally {
      setPending(false);
    }
  };
  return (
    <ActionDialog
      open={props.open}
      onOpenChange={change}
      title={props.title}
      description={t('paramEdit.reviewHint', { count: staged.changes.length })}
      wide
      error={error}
      actions={
        <Button
          variant="primary"
          onClick={() => void apply()}
          disabled={pending || staged.invalid.length > 0 || !staged.dirty}
        >
          {pending ? t('forms.submitting') : props.applyLabel}
        </Button>
      }
    >
      {props.note}
      <StagedDiff changes={staged.changes} />
      {staged.needRestart.length > 0 && props.restartNote && (
        <p className="mt-3 flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-2.5 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <RotateCcw className="mt-px size-3.5 shrink-0" aria-hidden />
          <span>{props.restartNote}</span>
        </p>
      )}
    </ActionDialog>
  );
}
