import { Outlet } from 'react-router';
import { ViewerProvider } from './ViewerProvider';

/** The root route: every page, signed in or not, sees the viewer. */
export function ViewerRoot() {
  return (
    <ViewerProvider>
      <Outlet />
    </ViewerProvider>
  );
}
