import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Button, Fieldset, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { readProblem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExplainedRadioGroup } from '../../components/ExplainedRadioGroup';
import { useSettingsForm } from '../../components/use-settings-form';
import { graphql } from '../../gql';
import type { PermissionLossPolicy, Registration, SettingsForm_SettingsFragment } from '../../gql/graphql';
import { GroupPicker } from '../groups/GroupPicker';
import { settingsChanges, settingsValuesOf } from './settings-form';
import { useUpdateSettings } from './use-update-settings';

export const SettingsFormFragment = graphql(`
  fragment SettingsForm_settings on Settings {
    autoLeave
    notifyApprovers
    allowSelfApproval
    requireRequestReason
    permissionLossPolicy
    defaultGroups {
      id
      name
    }
    adminBypass
    registration
    expiryWarningDays
  }
`);

type Toggle = 'autoLeave' | 'notifyApprovers' | 'allowSelfApproval' | 'requireRequestReason' | 'adminBypass';

/** The switches of SPEC §13, each with its one-line meaning. */
const REQUEST_TOGGLES: readonly { key: Toggle; label: string; explanation: string }[] = [
  {
    key: 'autoLeave',
    label: 'Leave without approval',
    explanation: 'Leaving a group that is not open happens at once instead of going to its approvers.',
  },
  { key: 'notifyApprovers', label: 'Notify approvers', explanation: 'Approvers get a notification for every new request.' },
  {
    key: 'allowSelfApproval',
    label: 'Allow self-approval',
    explanation: 'An approver may decide their own request; when off, someone else must.',
  },
  { key: 'requireRequestReason', label: 'Require a reason', explanation: 'A join request must say why the person wants to join.' },
];

const LOSS_POLICIES: readonly { value: PermissionLossPolicy; label: string; explanation: string }[] = [
  {
    value: 'REMOVE_NON_PUBLIC',
    label: 'Remove from non-public groups',
    explanation: 'They leave every group that is not public (System excepted) and their pending requests for them are cancelled.',
  },
  {
    value: 'REMOVE_SELF_SERVICE',
    label: 'Remove from self-service groups only',
    explanation: 'The same, but memberships of internal (admin-managed) groups are kept.',
  },
  { value: 'KEEP', label: 'Keep every membership', explanation: 'Nothing is removed; they only cannot ask for new groups.' },
];

const REGISTRATION: readonly { value: Registration; label: string; explanation: string }[] = [
  { value: 'CLOSED', label: 'Closed', explanation: 'Only admins create accounts.' },
  { value: 'OPEN', label: 'Open', explanation: 'Anyone who reaches the sign-in page may create an account.' },
];

const FIELDS = [
  'autoLeave',
  'notifyApprovers',
  'allowSelfApproval',
  'requireRequestReason',
  'permissionLossPolicy',
  'defaultGroups',
  'adminBypass',
  'registration',
  'expiryWarningDays',
  'groupSync',
  'claim',
  'createGroups',
  'blockedGroups',
  'createUsers',
  'linkByEmail',
] as const;

export interface SettingsFormProps {
  settings: FragmentType<typeof SettingsFormFragment>;
}

/** Every service-wide setting (SPEC §13) with what it means; only changed ones are sent. */
export function SettingsForm({ settings, ...rest }: SettingsFormProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: SettingsFormFragment, fragmentName: 'SettingsForm_settings', from: settings }),
  );
  return data ? <SettingsFormView {...rest} settings={data} /> : null;
}

interface SettingsFormViewProps extends Omit<SettingsFormProps, 'settings'> {
  settings: SettingsForm_SettingsFragment;
}

function SettingsFormView({ settings }: SettingsFormViewProps) {
  const [updateSettings] = useUpdateSettings();
  const form = useSettingsForm({
    initial: () => settingsValuesOf(settings),
    changes: settingsChanges,
    save: async (input) => {
      const { data } = await updateSettings({ variables: { input } });
      return data ? settingsValuesOf(data.updateSettings) : null;
    },
    problemOf: (error) => readProblem(error, { fields: FIELDS, aliases: { defaultGroupIds: 'defaultGroups' } }),
    savedMessage: 'Settings saved.',
  });
  const { values, set, fieldError, problem, dirty, saving: loading } = form;

  const toggle = (key: Toggle, label: string, explanation: string) => (
    <Switch
      key={key}
      label={label}
      description={explanation}
      checked={values[key]}
      onChange={(event) => set(key, event.currentTarget.checked)}
      disabled={loading}
    />
  );

  return (
    <form onSubmit={form.submit} noValidate aria-label="Settings">
      <Stack gap="lg">
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <Fieldset legend="Requests and approvals">
          <Stack gap="sm">{REQUEST_TOGGLES.map((t) => toggle(t.key, t.label, t.explanation))}</Stack>
        </Fieldset>
        <Fieldset legend="Memberships">
          <Stack gap="md">
            <ExplainedRadioGroup
              label="When someone loses groups.request"
              description="What happens to their memberships when a change takes the permission to request groups away."
              options={LOSS_POLICIES}
              value={values.permissionLossPolicy}
              onChange={(value) => set('permissionLossPolicy', value)}
              error={fieldError('permissionLossPolicy')}
              disabled={loading}
            />
            <GroupPicker
              label="Default groups"
              description="Every new person joins these groups when their account is created."
              value={values.defaultGroups}
              onChange={(groups) => set('defaultGroups', groups)}
              disabled={loading}
              error={fieldError('defaultGroups')}
            />
            <NumberInput
              label="Expiry warning (days)"
              description="How many days before a membership or grant expires its holder is warned."
              value={values.expiryWarningDays}
              onChange={(value) => set('expiryWarningDays', typeof value === 'number' ? value : '')}
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              error={fieldError('expiryWarningDays')}
              disabled={loading}
              maw={240}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend="Accounts and access">
          <Stack gap="md">
            {toggle('adminBypass', 'Admins reach everything', 'Admins have write access to every resource, whatever its grants.')}
            <ExplainedRadioGroup
              label="Registration"
              description="Who may create an account."
              options={REGISTRATION}
              value={values.registration}
              onChange={(value) => set('registration', value)}
              error={fieldError('registration')}
              disabled={loading}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend="Single sign-on">
          {/* One place for SSO: its settings sit beside the dry run that shows what they do. */}
          <Text size="sm">
            Group sync, the groups claim, blocked patterns and account creation are on the{' '}
            <Anchor component={Link} to="/admin/sso">
              Single sign-on page
            </Anchor>
            , next to a dry run that shows what a sign-on would change.
          </Text>
        </Fieldset>
        <Group>
          <Button type="submit" loading={loading} disabled={!dirty}>
            Save settings
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
