import { Radio, Stack } from '@mantine/core';

/** One choice with the sentence that says what it means. */
export interface ExplainedOption<T extends string> {
  value: T;
  label: string;
  explanation: string;
}

interface Props<T extends string> {
  label: string;
  description: string;
  options: readonly ExplainedOption<T>[];
  value: T;
  onChange: (value: T) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/**
 * A radio group whose every option explains itself — how settings pages present a policy choice
 * (permission loss, registration, group sync) so nobody has to look the meaning up.
 */
export function ExplainedRadioGroup<T extends string>({ label, description, options, value, onChange, error, disabled }: Props<T>) {
  return (
    <Radio.Group label={label} description={description} value={value} onChange={(v) => onChange(v as T)} error={error}>
      <Stack gap={6} mt={6}>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} description={option.explanation} disabled={disabled} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
