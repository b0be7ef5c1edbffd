import { useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FieldIdScope } from '../../../../shared/forms/form-field';
import { Button } from '../../../../shared/ui/button';
import { StepList } from './step-list';

/** Where a stepped form is: the step shown, the furthest reached, and moving between them. */
export function useStepper<S extends string>(steps: readonly S[], onArrive?: (step: S) => void) {
  const [step, setStep] = useState(0);
  const [reached, setReached] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const go = (target: number, focus = true) => {
    const s = steps[target];
    if (s === undefined) return;
    onArrive?.(s);
    setStep(target);
    setReached((r) => Math.max(r, target));
    if (focus) requestAnimationFrame(() => headingRef.current?.focus());
  };
  return {
    steps,
    step,
    reached,
    stepId: (steps[step] ?? steps[0]) as S,
    isLast: step === steps.length - 1,
    headingRef,
    go,
    goTo: (s: S) => go(steps.indexOf(s)),
  };
}
export type Stepper<S extends string> = ReturnType<typeof useStepper<S>>;

// Enter in a field must not submit (or skip) a step: only the buttons move the wizard.
const keepEnter = (e: KeyboardEvent<HTMLFormElement>) => {
  const target = e.target as HTMLElement;
  if (e.key === 'Enter' && target.tagName === 'INPUT') e.preventDefault();
};

/**
 * The frame the create wizard and the restore flow share: the step list, the current step's heading
 * (focused on each move, so a screen reader hears where it is), its hint, the step's fields, and
 * Back / Next / the final action / Cancel.
 */
export function WizardLayout<S extends string>(props: {
  stepper: Stepper<S>;
  /** i18n key prefix of the step titles and hints: `${prefix}.steps.<id>`, `${prefix}.stepHints.<id>`. */
  prefix: string;
  scope: string;
  onNext: () => void;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  submitting: boolean;
  submittingLabel: string;
  submitDisabled?: boolean;
  /** Said beside the final action when it is disabled for a reason the fields do not show. */
  submitBlockedReason?: string;
  cancelHref: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { stepper, prefix } = props;
  const headingId = `${props.scope}-step-heading`;
  return (
    <div className="flex flex-col gap-4 lg:flex-row">
      <div className="lg:w-72 lg:shrink-0">
        <StepList
          steps={stepper.steps}
          labelOf={(s) => t(`${prefix}.steps.${s}`)}
          current={stepper.step}
          reached={stepper.reached}
          onGo={stepper.goTo}
        />
      </div>
      <FieldIdScope value={props.scope}>
        <form
          noValidate
          onSubmit={props.onSubmit}
          onKeyDown={keepEnter}
          className="min-w-0 flex-1 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          aria-labelledby={headingId}
        >
          <h2
            id={headingId}
            ref={stepper.headingRef}
            tabIndex={-1}
            className="mb-1 text-base font-semibold focus:outline-none"
          >
            {t('createInstance.stepHeading', {
              n: stepper.step + 1,
              total: stepper.steps.length,
              title: t(`${prefix}.steps.${stepper.stepId}`),
            })}
          </h2>
          <p className="mb-4 text-sm text-slate-500 dark:text-slate-400">
            {t(`${prefix}.stepHints.${stepper.stepId}`)}
          </p>
          {props.children}
          <div className="mt-6 flex items-center gap-2 border-t border-slate-200 pt-3 dark:border-slate-800">
            <Button onClick={() => stepper.go(stepper.step - 1)} disabled={stepper.step === 0}>
              {t('createInstance.back')}
            </Button>
            {/* Distinct keys: reusing one <button> and flipping its type to submit would let the click
              that opens the summary also submit the form. */}
            {!stepper.isLast ? (
              <Button key="next" variant="primary" onClick={props.onNext}>
                {t('createInstance.next')}
              </Button>
            ) : (
              <Button
                key="submit"
                variant="primary"
                type="submit"
                disabled={props.submitting || props.submitDisabled}
              >
                {props.submitting ? props.submittingLabel : props.submitLabel}
              </Button>
            )}
            {stepper.isLast && props.submitBlockedReason && (
              <span className="text-xs text-amber-700 dark:text-amber-400">{props.submitBlockedReason}</span>
            )}
            <Link
              to={props.cancelHref}
              className="ml-auto text-sm text-slate-600 hover:underline dark:text-slate-300"
            >
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      </FieldIdScope>
    </div>
  );
}
