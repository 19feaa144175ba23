import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { AppErrorBoundary } from '../components/AppErrorBoundary';
import { createApolloClient } from './apollo-client';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme';

export interface AppProvidersProps {
  children: ReactNode;
}

/** Theme, error boundary and data client, outermost first: the fallback UI needs the theme. */
export function AppProviders({ children }: AppProvidersProps) {
  // Created once per mounted app (not at module load) so tests can mount isolated apps.
  const [client] = useState(createApolloClient);
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
      cssVariablesResolver={cssVariablesResolver}
    >
      <AppErrorBoundary>
        <ApolloProvider client={client}>
          <Notifications />
          {children}
        </ApolloProvider>
      </AppErrorBoundary>
    </MantineProvider>
  );
}
