import { Button } from '@mantine/core';
import type { MouseEvent } from 'react';
import classes from './SkipLink.module.css';

export interface SkipLinkProps {
  /** id of the element to jump to; it needs tabIndex={-1} to take focus. */
  targetId: string;
}

export function SkipLink({ targetId }: SkipLinkProps) {
  // Focus the target ourselves instead of letting the URL hash change: a hash change
  // would be treated by the router as a navigation.
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
  return (
    <Button component="a" href={`#${targetId}`} onClick={skip} className={classes.link}>
      Skip to content
    </Button>
  );
}
