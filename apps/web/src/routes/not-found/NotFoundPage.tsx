import { Anchor, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { Page } from '../../components/Page';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Page title="Page not found">
      <Text>
        There is no page at <Text span ff="monospace">{pathname}</Text>. It may have moved, or the link may be
        mistyped.
      </Text>
      <Anchor component={Link} to="/">
        Go to the start page
      </Anchor>
    </Page>
  );
}
