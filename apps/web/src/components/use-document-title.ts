import { useEffect } from 'react';
import { formatDocumentTitle } from './document-title';

/** Keeps `document.title` in step with the page on screen (screen readers announce it). */
export function useDocumentTitle(pageTitle: string): void {
  useEffect(() => {
    document.title = formatDocumentTitle(pageTitle);
  }, [pageTitle]);
}
