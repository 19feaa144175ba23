import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './AppProviders';
import { router } from './router';

// Navigation is an ordinary update, not a React transition. Apollo's useQuery re-points its shared
// query at new variables while it renders; a transition render is time-sliced, so on a slow device
// the old page's subscription answered that change with an urgent render of the old variables,
// which restarted the transition, again and again until React forced it through after 5 s: a filter
// picked into the URL took that long to show (the audit log on a slow CPU; e2e/admin-insight).
// Rendered in one go, a navigation lands at once; a page whose code is still loading shows its
// skeleton meanwhile.
export function App() {
  return (
    <AppProviders>
      <RouterProvider router={router} useTransitions={false} />
    </AppProviders>
  );
}
