import { Page } from '../../components/Page';

export function AccountPage() {
  return (
    <Page
      title="My account"
      description="Your profile, your sign-in methods and the API tokens you have issued."
    />
  );
}
