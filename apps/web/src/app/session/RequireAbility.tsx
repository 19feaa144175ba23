import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { graphql } from '../../gql';
import type { ViewerAbilitiesQuery } from '../../gql/graphql';
import { NotAllowedPage } from '../../routes/not-allowed/NotAllowedPage';
import { problemMessage } from '../graphql-errors';

const ViewerAbilitiesQuery = graphql(`
  query ViewerAbilities {
    viewerAbilities {
      createUser
      createGroup
      definePermission
      manageSettings
      readAudit
    }
  }
`);

/** The abilities an admin page can be gated on (the server's `viewerAbilities`, never re-derived). */
export type PageAbility = keyof Omit<ViewerAbilitiesQuery['viewerAbilities'], '__typename'>;

export interface RequireAbilityProps {
  ability: PageAbility;
  children: ReactNode;
}

/**
 * Shows its page only to viewers the server says may use it; everyone else who opens the URL gets
 * one clear not-allowed page, with no controls of the page behind it. Navigation is not security
 * (the server checks every operation), but live buttons that can only fail mislead people.
 */
export function RequireAbility({ ability, children }: RequireAbilityProps) {
  const { data, error } = useQuery(ViewerAbilitiesQuery);
  if (!data) {
    if (error) {
      return (
        <Page title="Page unavailable">
          <ErrorAlert title="Gatehouse could not tell what you may do here">{problemMessage(error)}</ErrorAlert>
        </Page>
      );
    }
    return <PageSkeleton />;
  }
  return data.viewerAbilities[ability] ? <>{children}</> : <NotAllowedPage />;
}
