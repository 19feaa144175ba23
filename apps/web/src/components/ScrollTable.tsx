import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './ScrollTable.module.css';

export interface ScrollTableProps {
  /** Names the scrollable region for assistive technology. */
  label: string;
  minWidth?: number;
  /**
   * Below 600 px, show each row as a card instead of scrolling sideways (give cells a `data-label`
   * to name them, and the actions cell `data-actions`), so a row's actions are always on screen.
   */
  cardsOnPhone?: boolean;
  children: ReactNode;
}

/**
 * A table that scrolls sideways on narrow screens — or, with `cardsOnPhone`, turns into cards. The
 * scroll area is focusable and named, so keyboard users can scroll it too.
 */
export function ScrollTable({ label, minWidth = 640, cardsOnPhone = false, children }: ScrollTableProps) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      className={cardsOnPhone ? classes.cards : undefined}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}
    >
      <Table verticalSpacing="xs" highlightOnHover>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
