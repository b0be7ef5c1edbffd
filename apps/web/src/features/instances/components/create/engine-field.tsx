import type { Datastore } from '@gaussdb-console/api-client/browser';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDatastores } from '../../../flavors/api/use-datastores';
import { Field, inputClass } from '../../../../shared/forms/form-field';
import type { WizardValues } from './wizard-values';

/** The one engine the create request (4.4.1) accepts: `datastore.type` is GaussDB, case-insensitive. */
export const CREATABLE_ENGINE = 'GaussDB';

/**
 * The engines in a 4.2.3 answer. The reference's entries are deployment modes of GaussDB with their
 * versions and name no engine; an entry that does carry a `type` (or `name`) counts as that engine.
 */
export function enginesOf(datastores: Datastore[]): { name: string; versions: string[] }[] {
  const byName = new Map<string, Set<string>>([[CREATABLE_ENGINE, new Set()]]);
  for (const d of datastores) {
    const raw = (d as Record<string, unknown>).type ?? (d as Record<string, unknown>).name;
    const named = typeof raw === 'string' && raw.trim() ? raw.trim() : CREATABLE_ENGINE;
    const name = named.toLowerCase() === CREATABLE_ENGINE.toLowerCase() ? CREATABLE_ENGINE : named;
    const versions = byName.get(name) ?? new Set<string>();
    for (const v of d.supported_versions) versions.add(v);
    byName.set(name, versions);
  }
  const newestFirst = (a: string, b: string) => b.localeCompare(a, undefined, { numeric: true });
  return [...byName].map(([name, versions]) => ({ name, versions: [...versions].sort(newestFirst) }));
}

/** Step 1's engine: the service's list (4.2.3); GaussDB is chosen, others are shown but cannot be sent. */
export function EngineField() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const { register } = useFormContext<WizardValues>();
  const list = useDatastores(project);
  const engines = enginesOf(list.data?.datastores ?? []);
  const versions = engines.find((e) => e.name === CREATABLE_ENGINE)?.versions ?? [];
  const rule = list.isPending
    ? t('createExtras.engineLoading')
    : list.isError
      ? t('createExtras.engineFailed')
      : versions.length
        ? t('createExtras.engineRule', { versions: versions.join(', ') })
        : t('createExtras.engineRuleNoVersions');
  return (
    <Field name="datastore.type" label={t('createExtras.engine')} rule={rule}>
      {(a) => (
        <select {...a} {...register('datastore.type')} className={`${inputClass} max-w-xs`}>
          {engines.map((e) => (
            <option key={e.name} value={e.name} disabled={e.name !== CREATABLE_ENGINE}>
              {e.name === CREATABLE_ENGINE ? e.name : t('createExtras.engineNotCreatable', { name: e.name })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
