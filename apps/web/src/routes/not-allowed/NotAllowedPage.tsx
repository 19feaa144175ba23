import { Anchor, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { Page } from '../../components/Page';

/** What a person sees when they open a page meant for someone else (an admin page, by URL). */
export function NotAllowedPage() {
  const { pathname } = useLocation();
  return (
    <Page title="Not allowed">
      <Text data-testid="not-allowed">
        The page at{' '}
        <Text span ff="monospace">
          {pathname}
        </Text>{' '}
        is for administrators (or people given the matching permission), and your account may not use it. If you need
        it, ask an administrator.
      </Text>
      <Anchor component={Link} to="/">
        Go to the start page
      </Anchor>
    </Page>
  );
}
