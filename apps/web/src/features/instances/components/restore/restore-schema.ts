import { operations, SPECIAL_CHARS } from '@gaussdb-console/api-client/browser';
import type { Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { i18n } from '../../../../shared/lib/i18n';
import type { RestorePoint } from '../../../backups/api/restore-point';
import { issueText, volumeRule, type RuleOptions } from '../create/rule-text';
import { shardCount, type WizardValues } from '../create/wizard-values';
import { toRestoreBody } from './restore-values';

const restoreBody = operations.restoreToNewInstance.body;
export const RESTORE_SPECIALS = SPECIAL_CHARS.restore;

/** The restore's password rule alone (fewer special characters than a create's). */
export const restorePasswordValid = (password: string) =>
  restoreBody.shape.password.safeParse(password).success;

/**
 * The restore form's schema: the contract's 4.7.8 body schema applied to the request the form would send
 * (every rule and message as the server has them), worded by the create wizard's words where the field
 * is the same, plus what only the page knows: the password typed twice, and the disk at least the
 * source's and a multiple of 4 GB × shards (the server checks these too, later).
 */
export function restoreSchema(point: () => RestorePoint | undefined, atLeastGb: () => number) {
  return z
    .custom<WizardValues>((v) => typeof v === 'object' && v !== null)
    .superRefine((values, ctx) => {
      const t = i18n.t.bind(i18n);
      const add = (path: string, message: string) =>
        ctx.addIssue({ code: 'custom', path: path.split('.'), message });
      const p = point();
      if (!p) {
        add('restore_point', t('restoreInstance.errors.noSource'));
        return;
      }
      const o: RuleOptions = { specials: RESTORE_SPECIALS, atLeastGb: atLeastGb(), restore: true };
      const r = restoreBody.safeParse(toRestoreBody(values, p));
      const seen = new Set<string>();
      if (!r.success)
        for (const issue of r.error.issues) {
          const path = issue.path.map(String).join('.');
          if (seen.has(path)) continue;
          seen.add(path);
          add(path || 'restore_point', issueText(t, { path, message: issue.message }, values, o));
        }
      const size = Number(values.volume.size);
      const rule = volumeRule(shardCount(values), o.atLeastGb);
      if (!seen.has('volume.size') && Number.isInteger(size) && (size < rule.min || size % rule.step !== 0))
        add('volume.size', t('restoreInstance.errors.volume', { ...rule, source: o.atLeastGb }));
      if (values.password_confirm !== values.password)
        add('password_confirm', t('createInstance.errors.passwordMismatch'));
    });
}

export function restoreResolver(
  point: () => RestorePoint | undefined,
  atLeastGb: () => number,
): Resolver<WizardValues> {
  return zodResolver(restoreSchema(point, atLeastGb)) as Resolver<WizardValues>;
}
