import { ArrowLeftRight } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Note } from '../../../shared/forms/form-field';
import { useListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { useTemplateComparison } from '../api/use-compare-templates';
import { compareParameters } from '../lib/compare';
import { parseSide, sideParam, useCompareSide, type ComparedSide } from '../lib/use-compare-side';
import { ParameterComparison } from './parameter-comparison';
import { SidePicker } from './side-picker';

const sideLabel = (s: ComparedSide, t: (k: string) => string) =>
  `${s.name} (${t(`parameters.compare.kinds.${s.ref.kind}`)})`;

/**
 * Compare (4.5.9) and drift: two templates, an instance and a template, or two instances, in one diff view.
 * Both sides and the view's options live in the URL, so a drift report is a link.
 */
export function ComparePage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const { values, set } = useListParams(['left', 'right', 'all', 'q'] as const);
  const leftRef = parseSide(values.left);
  const rightRef = parseSide(values.right);
  const left = useCompareSide(project, leftRef);
  const right = useCompareSide(project, rightRef);
  const bothTemplates = leftRef?.kind === 'template' && rightRef?.kind === 'template';
  const server = useTemplateComparison(
    project,
    bothTemplates ? leftRef.id : undefined,
    bothTemplates ? rightRef.id : undefined,
  );
  const differing = useMemo(
    () => (server.data ? new Set(server.data.differences.map((d) => d.name)) : undefined),
    [server.data],
  );
  const rows = useMemo(
    () =>
      left?.parameters && right?.parameters
        ? compareParameters(left.parameters, right.parameters, differing)
        : undefined,
    [left?.parameters, right?.parameters, differing],
  );
  useEffect(() => {
    document.title = `${t('parameters.compare.title')} · ${t('app.name')}`;
  }, [t]);

  const pending = [left, right].some((s) => s?.isPending) || (bothTemplates && server.isPending);
  const failed = [left, right].find((s) => s?.error);
  const scopeDiffers =
    left &&
    right &&
    (left.version !== right.version || left.deployment !== right.deployment) &&
    left.version &&
    right.version;
  return (
    <div className="flex flex-col gap-4 p-4">
      <nav aria-label={t('parameters.breadcrumbs')} className="text-sm text-slate-500 dark:text-slate-400">
        <Link className="hover:underline" to={`/p/${encodeURIComponent(project)}/parameters`}>
          {t('nav.parameters')}
        </Link>
        <span className="mx-1.5" aria-hidden>
          ›
        </span>
        <span aria-current="page" className="text-slate-800 dark:text-slate-200">
          {t('parameters.compare.title')}
        </span>
      </nav>
      <h1 className="text-lg font-semibold">{t('parameters.compare.title')}</h1>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-300">{t('parameters.compare.hint')}</p>
      <div className="flex flex-wrap items-stretch gap-3">
        <SidePicker
          project={project}
          legend={t('parameters.compare.left')}
          value={leftRef}
          side={left}
          onChange={(r) => set({ left: r ? sideParam(r) : undefined })}
        />
        <div className="flex items-center">
          <Button
            size="sm"
            variant="ghost"
            aria-label={t('parameters.compare.swap')}
            title={t('parameters.compare.swap')}
            onClick={() => set({ left: values.right || undefined, right: values.left || undefined })}
          >
            <ArrowLeftRight className="size-4" aria-hidden />
          </Button>
        </div>
        <SidePicker
          project={project}
          legend={t('parameters.compare.right')}
          value={rightRef}
          side={right}
          onChange={(r) => set({ right: r ? sideParam(r) : undefined })}
        />
      </div>
      {scopeDiffers && <Note tone="warn">{t('parameters.compare.scopeDiffers')}</Note>}
      <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {!left || !right ? (
          <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-300">
            {t('parameters.compare.pickBoth')}
          </p>
        ) : left.permitted === false || right.permitted === false ? (
          <NotPermitted />
        ) : failed ? (
          <ErrorState error={failed.error} onRetry={failed.refetch} />
        ) : bothTemplates && server.isError ? (
          <ErrorState error={server.error} onRetry={() => void server.refetch()} />
        ) : pending || !rows ? (
          <Loading />
        ) : (
          <ParameterComparison
            rows={rows}
            leftLabel={sideLabel(left, t)}
            rightLabel={sideLabel(right, t)}
            onlyDifferences={values.all !== '1'}
            onOnlyDifferences={(on) => set({ all: on ? undefined : '1' })}
            q={values.q}
            onQ={(q) => set({ q })}
          />
        )}
      </section>
    </div>
  );
}
