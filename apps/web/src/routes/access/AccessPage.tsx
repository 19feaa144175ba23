import { Page } from '../../components/Page';

export function AccessPage() {
  return (
    <Page
      title="My access"
      description="The resources you can read or write, and which grant or group gives you each one."
    />
  );
}
