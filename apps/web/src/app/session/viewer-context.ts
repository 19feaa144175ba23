import { createContext, useContext } from 'react';
import type { ViewerQuery } from '../../gql/graphql';

export type Viewer = NonNullable<ViewerQuery['me']>;
export type AuthConfig = ViewerQuery['authConfig'];

export interface ViewerState {
  /** The signed-in person; null when signed out. */
  me: Viewer | null;
  authConfig: AuthConfig;
}

export const ViewerContext = createContext<ViewerState | null>(null);

/** Who is signed in (or null) and the public facts the sign-in pages need. */
export function useViewer(): ViewerState {
  const state = useContext(ViewerContext);
  if (!state) throw new Error('useViewer must be used inside <ViewerProvider>.');
  return state;
}

/** The signed-in person, for pages behind <RequireSignedIn>. */
export function useSignedInViewer(): Viewer {
  const { me } = useViewer();
  if (!me) throw new Error('useSignedInViewer must be used behind <RequireSignedIn>.');
  return me;
}
