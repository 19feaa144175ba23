import { BUILT_IN_PERMISSIONS } from '@gatehouse/shared';
import { Code, Table, Title } from '@mantine/core';
import { useId } from 'react';
import { Page } from '../../components/Page';

// Until the permissions query lands, the built-in catalog comes from the package the API
// uses too, so the two can never disagree about what the keys mean.
const BUILT_IN_ROWS = Object.entries(BUILT_IN_PERMISSIONS);

export function AdminPermissionsPage() {
  const headingId = useId();
  return (
    <Page
      title="Permissions"
      description="Built-in and custom permission keys, and the users and groups that hold them."
    >
      <Title order={2} size="h4" id={headingId}>
        Built-in permissions
      </Title>
      {/* On narrow screens the table scrolls sideways; keyboard users need to focus it to scroll. */}
      <Table.ScrollContainer
        minWidth={480}
        scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-labelledby': headingId } }}
      >
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Key</Table.Th>
              <Table.Th scope="col">Grants</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {BUILT_IN_ROWS.map(([key, description]) => (
              <Table.Tr key={key}>
                <Table.Td>
                  <Code>{key}</Code>
                </Table.Td>
                <Table.Td>{description}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Page>
  );
}
