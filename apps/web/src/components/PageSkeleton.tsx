import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** Placeholder with the shape of a page while its code or data loads. */
export function PageSkeleton() {
  return (
    <Stack gap="md" role="status" aria-live="polite">
      <VisuallyHidden>Loading…</VisuallyHidden>
      <Skeleton height={36} width="40%" />
      <Skeleton height={16} width="70%" />
      <Skeleton height={120} />
    </Stack>
  );
}
