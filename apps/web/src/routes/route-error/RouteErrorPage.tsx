import { Box } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { problemMessage } from '../../app/graphql-errors';
import { ErrorFallback } from '../../components/ErrorFallback';
import { useDocumentTitle } from '../../components/use-document-title';
import { NotFoundPage } from '../not-found/NotFoundPage';

export interface RouteErrorPageProps {
  /** Rendered without the shell (the shell itself failed), so it supplies its own <main>. */
  standalone?: boolean;
}

/** The router's errorElement: a 404 response gets the not-found page, anything else a way out. */
export function RouteErrorPage({ standalone = false }: RouteErrorPageProps) {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const content = notFound ? <NotFoundPage /> : <RouteErrorContent error={error} />;
  return standalone ? (
    <Box component="main" p="xl">
      {content}
    </Box>
  ) : (
    content
  );
}

function RouteErrorContent({ error }: { error: unknown }) {
  useDocumentTitle('Error');
  return <ErrorFallback detail={describeError(error)} />;
}

function describeError(error: unknown): string | undefined {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  // Apollo's errors in words (an HTTP 500 is not "Response not successful: Received status code 500").
  if (ServerError.is(error) || ServerParseError.is(error) || CombinedGraphQLErrors.is(error)) return problemMessage(error);
  if (error instanceof Error) return error.message;
  return undefined;
}
