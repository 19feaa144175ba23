import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// The form starts over from the saved answer, so its fragment is unmasked here (@unmask).
const UpdateSettingsMutation = graphql(`
  mutation UpdateSettings($input: SettingsInput!) {
    updateSettings(input: $input) {
      ...SettingsForm_settings @unmask
    }
  }
`);

/** Saves changed settings; the cached singleton `Settings` updates from the answer. */
export function useUpdateSettings() {
  return useMutation(UpdateSettingsMutation, {
    // Registration shows on the sign-in page (authConfig), so the viewer query asks again.
    refetchQueries: ['Viewer'],
  });
}
