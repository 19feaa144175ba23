import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ScrollTableProps {
  /** Names the scrollable region for assistive technology. */
  label: string;
  minWidth?: number;
  children: ReactNode;
}

/**
 * A table that scrolls sideways on narrow screens. The scroll area is focusable and named,
 * so keyboard users can scroll it too.
 */
export function ScrollTable({ label, minWidth = 640, children }: ScrollTableProps) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}
    >
      <Table verticalSpacing="xs" highlightOnHover>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
