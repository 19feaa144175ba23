import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { signInPathFor } from './next-path';
import { useViewer } from './viewer-context';

export interface RequireSignedInProps {
  children: ReactNode;
}

/**
 * Gate for every app page: before the first admin exists everything leads to /setup; signed
 * out, to /sign-in with the way back in `next`. What a signed-in person may do is the server's
 * call, page by page.
 */
export function RequireSignedIn({ children }: RequireSignedInProps) {
  const { me, authConfig } = useViewer();
  const location = useLocation();
  if (authConfig.needsSetup) return <Navigate to="/setup" replace />;
  if (!me) return <Navigate to={signInPathFor(location)} replace />;
  return children;
}
