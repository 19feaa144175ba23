export const PRODUCT_NAME = 'Gatehouse';

/** The browser tab title for a page: "Groups · Gatehouse", or just the product name. */
export function formatDocumentTitle(pageTitle?: string): string {
  const trimmed = pageTitle?.trim();
  return trimmed ? `${trimmed} · ${PRODUCT_NAME}` : PRODUCT_NAME;
}
