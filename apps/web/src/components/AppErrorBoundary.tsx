import { Box } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { ErrorFallback } from './ErrorFallback';

interface AppErrorBoundaryProps {
  children: ReactNode;
}

interface AppErrorBoundaryState {
  error: Error | null;
}

/**
 * Last line of defence for errors outside the router's own error elements (providers,
 * the router itself). React only offers boundaries as class components, and it already
 * reports the caught error to the console, so there is no componentDidCatch.
 */
export class AppErrorBoundary extends Component<AppErrorBoundaryProps, AppErrorBoundaryState> {
  override state: AppErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): AppErrorBoundaryState {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <Box component="main" p="xl">
          <ErrorFallback detail={this.state.error.message} />
        </Box>
      );
    }
    return this.props.children;
  }
}
