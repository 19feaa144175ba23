import { useParams } from 'react-router';
import { Page } from '../../components/Page';

/** Target of a group's join link (`Group.joinPath`); details and join/leave buttons come later. */
export function GroupPage() {
  const { groupId = '' } = useParams();
  return (
    <Page
      title={`Group ${groupId}`}
      description="This is the group's join link. Its details, and the button to join or ask to join, will appear here."
    />
  );
}
