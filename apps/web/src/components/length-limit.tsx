import type { ReactNode } from 'react';

export interface LengthLimitProps {
  description: ReactNode;
  error: string | undefined;
}

/**
 * A text field's limit said instead of enforced by cutting: a browser `maxLength` drops whatever
 * is typed or pasted past it without a word. Near the limit the description counts characters;
 * over it the field says by how much, and the server refuses the save with the same rule.
 */
export function lengthLimit(value: string, max: number, description?: ReactNode): LengthLimitProps {
  const length = value.length;
  const counter = length >= Math.floor(max * 0.8) ? `${length} / ${max} characters` : null;
  return {
    description: counter ? (
      <>
        {description}
        {description ? ' · ' : null}
        <span data-testid="length-counter">{counter}</span>
      </>
    ) : (
      description
    ),
    error: length > max ? `At most ${max} characters: ${length - max} too many.` : undefined,
  };
}
