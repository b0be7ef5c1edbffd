import { useFormContext, useWatch } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { NetworkChoice, NetworkChoices } from '../../api/use-network-choices';
import { Field, inputClass } from '../../../../shared/forms/form-field';
import { operations } from '@gaussdb-console/api-client/browser';
import { PasswordStrength } from '../../../../shared/ui/password-strength';
import { PASSWORD_SPECIALS, ruleText } from './rule-text';
import type { WeakCheck } from '../../../../shared/forms/use-weak-password';
import type { WizardValues } from './wizard-values';

/** Datalist options: the ids the project's instances use, with how many use each. */
function Suggestions({ id, choices, t }: { id: string; choices: NetworkChoice[] | undefined; t: TFunction }) {
  return (
    <datalist id={id}>
      {(choices ?? []).map((c) => (
        <option key={c.id} value={c.id} label={t('createInstance.usedBy', { count: c.count })} />
      ))}
    </datalist>
  );
}

/**
 * Step 4: network (VPC, subnet, security group), database port and the root password, typed twice. The
 * restore flow passes its own password characters (4.7.8 allows fewer special characters than 4.4.1).
 */
export function StepAccess({
  weakCheck,
  passwordRule,
  network,
}: {
  weakCheck: WeakCheck;
  passwordRule?: { specials: string; valid: (password: string) => boolean };
  /** What the project's instances already use, offered as suggestions. */
  network?: NetworkChoices;
}) {
  const { t } = useTranslation();
  const { register, getValues, trigger } = useFormContext<WizardValues>();
  const v = useWatch<WizardValues>() as WizardValues;
  const mono = `${inputClass} max-w-md font-mono`;
  const subnets = network?.subnets[v.vpc_id.trim()] ?? Object.values(network?.subnets ?? {}).flat();
  return (
    <div className="grid gap-4">
      <div className="grid gap-4 lg:grid-cols-3">
        <Field name="vpc_id" label={t('createInstance.fields.vpc')} rule={t('createInstance.rules.vpc')}>
          {(a) => (
            <>
              <input
                {...a}
                {...register('vpc_id')}
                list="create-vpc-choices"
                className={mono}
                autoComplete="off"
                spellCheck={false}
              />
              <Suggestions id="create-vpc-choices" choices={network?.vpcs} t={t} />
            </>
          )}
        </Field>
        <Field
          name="subnet_id"
          label={t('createInstance.fields.subnet')}
          rule={t('createInstance.rules.subnet')}
        >
          {(a) => (
            <>
              <input
                {...a}
                {...register('subnet_id')}
                list="create-subnet-choices"
                className={mono}
                autoComplete="off"
                spellCheck={false}
              />
              <Suggestions id="create-subnet-choices" choices={subnets} t={t} />
            </>
          )}
        </Field>
        <Field
          name="security_group_id"
          label={t('createInstance.fields.securityGroup')}
          rule={t('createInstance.rules.securityGroup')}
          optional
        >
          {(a) => (
            <>
              <input
                {...a}
                {...register('security_group_id')}
                list="create-sg-choices"
                className={mono}
                autoComplete="off"
                spellCheck={false}
              />
              <Suggestions id="create-sg-choices" choices={network?.securityGroups} t={t} />
            </>
          )}
        </Field>
      </div>

      <Field name="port" label={t('createInstance.fields.port')} rule={ruleText(t, 'port', v)} optional>
        {(a) => (
          <input
            {...a}
            {...register('port')}
            inputMode="numeric"
            className={`${inputClass} w-32 tabular-nums`}
          />
        )}
      </Field>

      <Field
        name="password"
        label={t('createInstance.fields.password')}
        rule={ruleText(t, 'password', v, { specials: passwordRule?.specials })}
      >
        {(a) => (
          <>
            <input
              {...a}
              {...register('password', {
                onChange: () => void (getValues('password_confirm') && trigger('password_confirm')),
              })}
              type="password"
              autoComplete="new-password"
              className={`${inputClass} max-w-md`}
            />
            <PasswordStrength
              password={v.password}
              specials={passwordRule?.specials ?? PASSWORD_SPECIALS}
              valid={
                passwordRule
                  ? passwordRule.valid(v.password)
                  : operations.createInstance.body.shape.password.safeParse(v.password).success
              }
              check={weakCheck}
            />
          </>
        )}
      </Field>
      <Field name="password_confirm" label={t('createInstance.fields.passwordConfirm')}>
        {(a) => (
          <input
            {...a}
            {...register('password_confirm')}
            type="password"
            autoComplete="new-password"
            className={`${inputClass} max-w-md`}
          />
        )}
      </Field>
      <p className="text-xs text-slate-500 dark:text-slate-400">{t('createInstance.rootUser')}</p>
    </div>
  );
}
