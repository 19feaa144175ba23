import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Button, Group, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { readProblem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExplainedRadioGroup } from '../../components/ExplainedRadioGroup';
import { useSettingsForm } from '../../components/use-settings-form';
import { graphql } from '../../gql';
import type { SsoGroupSync, SsoSettingsForm_SsoFragment } from '../../gql/graphql';
import { ssoChanges, ssoValuesOf } from './sso-settings-form';
import { useUpdateSsoSettings } from './use-update-sso-settings';

export const SsoSettingsFormFragment = graphql(`
  fragment SsoSettingsForm_sso on SsoSettings {
    groupSync
    claim
    createGroups
    blockedGroups
    createUsers
    linkByEmail
  }
`);

/** The three sync modes of SPEC §12, each with what it does at a sign-on. */
export const GROUP_SYNC_OPTIONS: readonly { value: SsoGroupSync; label: string; explanation: string }[] = [
  { value: 'OFF', label: 'Off', explanation: 'Signing on never changes anyone’s groups.' },
  {
    value: 'ADD_ONLY',
    label: 'Add only',
    explanation: 'Each sign-on joins the groups the claim names; nobody is ever taken out of a group.',
  },
  {
    value: 'SYNC',
    label: 'Sync',
    explanation:
      'Each sign-on also ends memberships that came from single sign-on when the claim no longer names the group. Memberships added by hand are never ended.',
  },
];

const FIELDS = ['groupSync', 'claim', 'createGroups', 'blockedGroups', 'createUsers', 'linkByEmail'] as const;

type Toggle = 'createGroups' | 'createUsers' | 'linkByEmail';

const TOGGLES: readonly { key: Toggle; label: string; explanation: string }[] = [
  {
    key: 'createGroups',
    label: 'Create missing groups',
    explanation: 'A group the claim names that does not exist yet is created (admin-managed) and joined.',
  },
  {
    key: 'createUsers',
    label: 'Create accounts on first sign-on',
    explanation: 'Someone signing on for the first time gets an account; when off, only people already linked can sign on.',
  },
  {
    key: 'linkByEmail',
    label: 'Link accounts by email',
    explanation: 'A first sign-on joins the existing account with the same verified email instead of creating a new one.',
  },
];

export interface SsoSettingsFormProps {
  sso: FragmentType<typeof SsoSettingsFormFragment>;
}

/** The `sso` settings (SPEC §13) with what each means; only changed ones are sent. */
export function SsoSettingsForm({ sso, ...rest }: SsoSettingsFormProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: SsoSettingsFormFragment, fragmentName: 'SsoSettingsForm_sso', from: sso }),
  );
  return data ? <SsoSettingsFormView {...rest} sso={data} /> : null;
}

interface SsoSettingsFormViewProps extends Omit<SsoSettingsFormProps, 'sso'> {
  sso: SsoSettingsForm_SsoFragment;
}

function SsoSettingsFormView({ sso }: SsoSettingsFormViewProps) {
  const [updateSso] = useUpdateSsoSettings();
  const form = useSettingsForm({
    initial: () => ssoValuesOf(sso),
    changes: ssoChanges,
    save: async (input) => {
      const { data } = await updateSso({ variables: { sso: input } });
      return data ? ssoValuesOf(data.updateSettings.sso) : null;
    },
    problemOf: (error) => readProblem(error, { fields: FIELDS }),
    savedMessage: 'Single sign-on settings saved.',
  });
  const { values, set, fieldError, problem, dirty, saving: loading } = form;

  return (
    <form onSubmit={form.submit} noValidate aria-label="Single sign-on settings">
      <Stack gap="md">
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <ExplainedRadioGroup
          label="Group sync"
          description="What the groups claim does to memberships at each sign-on. Claim names match group names whatever their capitals."
          options={GROUP_SYNC_OPTIONS}
          value={values.groupSync}
          onChange={(value) => set('groupSync', value)}
          error={fieldError('groupSync')}
          disabled={loading}
        />
        <TextInput
          label="Groups claim"
          description="Where the provider lists the person’s groups: a dotted path into the token, e.g. groups or realm_access.roles."
          value={values.claim}
          onChange={(event) => set('claim', event.currentTarget.value)}
          error={fieldError('claim')}
          disabled={loading}
          maw={420}
          maxLength={200}
        />
        <TagsInput
          label="Blocked groups"
          description="Group names that sync never joins, leaves or creates. * matches anything, e.g. admin-*. Press Enter after each."
          value={values.blockedGroups}
          onChange={(tags) => set('blockedGroups', tags)}
          error={fieldError('blockedGroups')}
          disabled={loading}
          clearable
        />
        {TOGGLES.map((toggle) => (
          <Switch
            key={toggle.key}
            label={toggle.label}
            description={toggle.explanation}
            checked={values[toggle.key]}
            onChange={(event) => set(toggle.key, event.currentTarget.checked)}
            error={fieldError(toggle.key)}
            disabled={loading}
          />
        ))}
        <Group>
          <Button type="submit" loading={loading} disabled={!dirty}>
            Save single sign-on settings
          </Button>
          {dirty ? (
            <Button variant="default" onClick={form.discard} disabled={loading}>
              Discard changes
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
