import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// The form starts over from the saved answer, so its fragment is unmasked here (@unmask).
const UpdateSsoSettingsMutation = graphql(`
  mutation UpdateSsoSettings($sso: SsoSettingsInput!) {
    updateSettings(input: { sso: $sso }) {
      sso {
        ...SsoSettingsForm_sso @unmask
      }
    }
  }
`);

/** Saves changed single sign-on settings; the cached singleton `Settings` updates from the answer. */
export function useUpdateSsoSettings() {
  return useMutation(UpdateSsoSettingsMutation);
}
