import type { ParameterTemplateDetail } from '@gaussdb-console/api-client/browser';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import { sameTab } from '../../../shared/parameters/leave-guard';
import type { EditableParameter } from '../../../shared/parameters/parameter-rules';
import { StagedParameterEditor } from '../../../shared/parameters/staged-parameter-editor';
import { useParameterFilters } from '../../../shared/parameters/use-parameter-filters';
import { useStagedEdits } from '../../../shared/parameters/use-staged-edits';
import { CREATABLE_DEPLOYMENT, type Deployment } from '../api/template-scope';
import { SaveAsTemplateDialog } from './save-as-template-dialog';

/**
 * A template's parameters with staged edits. The API has no call that changes a template's parameters in
 * place (PARAM-10): the edits, with the template's own values, are saved as a new template (4.5.4).
 */
export function TemplateParametersTab(props: {
  project: string;
  template: ParameterTemplateDetail;
  deployment: Deployment | undefined;
  version: string | undefined;
  parameters: readonly EditableParameter[];
}) {
  const { t } = useTranslation();
  const can = useCan();
  const { filters, onFiltersChange } = useParameterFilters();
  const staged = useStagedEdits(props.parameters);
  const mayCreate = can('createParameterTemplate');
  const creatable = props.deployment === CREATABLE_DEPLOYMENT;
  const readOnly = !mayCreate || !creatable;
  return (
    <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <StagedParameterEditor
        parameters={props.parameters}
        staged={staged}
        readOnly={readOnly}
        note={
          !mayCreate
            ? t('parameters.roles.cannotEditTemplate')
            : !creatable
              ? t('parameters.detail.notCreatable')
              : t('parameters.detail.editHint')
        }
        filters={filters}
        onFiltersChange={onFiltersChange}
        label={t('parameters.detail.tab.parameters')}
        reviewLabel={t('parameters.saveAs.review')}
        isSamePage={sameTab('parameters')}
        renderReview={({ open, onOpenChange }) => (
          <SaveAsTemplateDialog
            project={props.project}
            template={props.template}
            version={props.version}
            parameters={props.parameters}
            staged={staged}
            open={open}
            onOpenChange={onOpenChange}
          />
        )}
      />
    </section>
  );
}
