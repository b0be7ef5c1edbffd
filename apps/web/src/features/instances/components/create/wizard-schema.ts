import { zodResolver } from '@hookform/resolvers/zod';
import { tagKey, tagValue } from '@gaussdb-console/api-client/browser';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import { i18n } from '../../../../shared/lib/i18n';
import { checkCreateBody } from './contract-check';
import { issueText } from './rule-text';
import { toCreateBody, type WizardValues } from './wizard-values';

/**
 * The wizard's schema: the contract's createInstance body schema applied to the request the form would
 * send (so every rule and message matches the server), plus the checks only the wizard has: the
 * password typed twice, an engine version chosen, and the tags sent by the follow-up 4.11.4 call.
 */
export function wizardSchema(region: () => string) {
  return z
    .custom<WizardValues>((v) => typeof v === 'object' && v !== null)
    .superRefine((values, ctx) => {
      const t = i18n.t.bind(i18n);
      const add = (path: string, message: string) =>
        ctx.addIssue({ code: 'custom', path: path.split('.'), message });

      for (const issue of checkCreateBody(toCreateBody(values, region())))
        add(issue.path, issueText(t, issue, values));

      if (!values.datastore.version) add('datastore.version', t('createInstance.errors.required'));
      if (values.password_confirm !== values.password)
        add('password_confirm', t('createInstance.errors.passwordMismatch'));

      const seen = new Set<string>();
      values.tags.forEach((tag, i) => {
        if (tag.key.trim() === '' && tag.value.trim() === '') return;
        if (!tagKey().safeParse(tag.key).success)
          add(`tags.${i}.key`, t('createInstance.errors.tagKey', { rule: t('createInstance.rules.tagKey') }));
        else if (seen.has(tag.key.trim()))
          add(`tags.${i}.key`, t('createInstance.errors.tagDuplicate', { key: tag.key.trim() }));
        if (!tagValue().safeParse(tag.value).success)
          add(
            `tags.${i}.value`,
            t('createInstance.errors.tagValue', { rule: t('createInstance.rules.tagValue') }),
          );
        seen.add(tag.key.trim());
      });
    });
}

/** The form's resolver: zod through @hookform/resolvers, on the schema above. */
export function wizardResolver(region: () => string): Resolver<WizardValues> {
  return zodResolver(wizardSchema(region)) as Resolver<WizardValues>;
}
