import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { LIMITS } from '@gatehouse/shared';
import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { readProblem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettingsForm } from '../../components/use-settings-form';
import { graphql } from '../../gql';
import type { GroupSettingsForm_GroupFragment, Shareable } from '../../gql/graphql';
import {
  GROUP_FLAGS,
  parseMetadata,
  settingsChanges,
  settingsValuesOf,
  SHAREABLE_OPTIONS,
} from './group-settings';
import { useUpdateGroup } from './use-update-group';
import { lengthLimit } from '../../components/length-limit';

export const GroupSettingsFormFragment = graphql(`
  fragment GroupSettingsForm_group on Group {
    id
    name
    description
    builtIn
    internal
    hidden
    open
    public
    restricted
    shareable
    maxMembers
    metadata
    viewerCan {
      update
    }
  }
`);

const FIELDS = [
  'name',
  'description',
  'internal',
  'hidden',
  'open',
  'public',
  'restricted',
  'shareable',
  'maxMembers',
  'metadata',
] as const;

export interface GroupSettingsFormProps {
  group: FragmentType<typeof GroupSettingsFormFragment>;
}

/** Every setting of a group, each flag with what it means. Editable only when `viewerCan.update`. */
export function GroupSettingsForm({ group, ...rest }: GroupSettingsFormProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: GroupSettingsFormFragment, fragmentName: 'GroupSettingsForm_group', from: group }),
  );
  return data ? <GroupSettingsFormView {...rest} group={data} /> : null;
}

interface GroupSettingsFormViewProps extends Omit<GroupSettingsFormProps, 'group'> {
  group: GroupSettingsForm_GroupFragment;
}

function GroupSettingsFormView({ group }: GroupSettingsFormViewProps) {
  const [updateGroup] = useUpdateGroup();
  const form = useSettingsForm({
    initial: () => settingsValuesOf(group),
    changes: settingsChanges,
    // Reformatted metadata text counts as a change to save (or discard), even when the JSON is the same.
    isDirty: (initial, values, input) => Object.keys(input).length > 0 || values.metadata !== initial.metadata,
    save: async (input) => {
      const { data } = await updateGroup({ variables: { id: group.id, input } });
      return data ? settingsValuesOf(data.updateGroup) : null;
    },
    problemOf: (error) => readProblem(error, { fields: FIELDS }),
    savedMessage: 'Group settings saved.',
  });
  const { values, set, fieldError, problem, dirty, saving: loading } = form;
  const nameLimit = lengthLimit(values.name, LIMITS.groupNameMax, group.builtIn ? 'Built-in groups keep their name.' : 'Unique, whatever the capitals.');
  const descriptionLimit = lengthLimit(values.description, LIMITS.groupDescriptionMax);
  const canUpdate = group.viewerCan.update;
  const locked = !canUpdate || loading;

  return (
    <form onSubmit={form.submit} noValidate aria-label="Group settings">
      <Stack gap="md">
        {!canUpdate ? (
          <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
            You may see these settings but not change them.
          </Alert>
        ) : null}
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <TextInput
          label="Name"
          description={nameLimit.description}
          required
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={fieldError('name') ?? nameLimit.error}
          disabled={locked || group.builtIn}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxRows={8}
          value={values.description}
          onChange={(event) => set('description', event.currentTarget.value)}
          description={descriptionLimit.description}
          error={fieldError('description') ?? descriptionLimit.error}
          disabled={locked}
        />
        <Fieldset legend="Who can see and join it" variant="unstyled">
          <Stack gap="sm">
            {GROUP_FLAGS.map((flag) => (
              <Switch
                key={flag.key}
                label={flag.label}
                description={flag.explanation}
                checked={values[flag.key]}
                onChange={(event) => set(flag.key, event.currentTarget.checked)}
                error={fieldError(flag.key)}
                disabled={locked}
              />
            ))}
          </Stack>
        </Fieldset>
        <Radio.Group
          label="Who may grant resources to this group"
          value={values.shareable}
          onChange={(value) => set('shareable', value as Shareable)}
          error={fieldError('shareable')}
        >
          <Stack gap={6} mt={6}>
            {SHAREABLE_OPTIONS.map((option) => (
              <Radio
                key={option.value}
                value={option.value}
                label={option.label}
                description={option.explanation}
                disabled={locked}
              />
            ))}
          </Stack>
        </Radio.Group>
        <NumberInput
          label="Member limit"
          description="The most current members allowed. Leave empty for no limit."
          value={values.maxMembers}
          onChange={(value) => set('maxMembers', typeof value === 'number' ? value : '')}
          min={1}
          max={1_000_000}
          allowDecimal={false}
          allowNegative={false}
          error={fieldError('maxMembers')}
          disabled={locked}
          maw={240}
        />
        <Textarea
          label="Metadata"
          description={'A JSON object (at most 16 KB) for integrations, e.g. {"team": "ops"}.'}
          autosize
          minRows={3}
          maxRows={14}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={values.metadata}
          onChange={(event) => {
            const text = event.currentTarget.value;
            set('metadata', text);
            // Once a message shows, it follows the typing: it goes as soon as the JSON is valid, not
            // on the blur that a click on "Save settings" causes — the layout would jump under the
            // pointer between mousedown and mouseup and the click would be lost.
            if (fieldError('metadata')) {
              const parsed = parseMetadata(text);
              form.setFieldError('metadata', 'error' in parsed ? parsed.error : null);
            }
          }}
          onBlur={() => {
            const parsed = parseMetadata(values.metadata);
            form.setFieldError('metadata', 'error' in parsed ? parsed.error : null);
          }}
          error={fieldError('metadata')}
          disabled={locked}
          spellCheck={false}
        />
        {canUpdate ? (
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
        ) : null}
      </Stack>
    </form>
  );
}
