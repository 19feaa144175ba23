import { PasswordInput } from '@mantine/core';
import { LIMITS } from '@gatehouse/shared';

interface Props {
  label: string;
  confirmLabel: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
  confirm: string;
  onConfirmChange: (value: string) => void;
  error?: string | null | undefined;
  confirmError?: string | null | undefined;
  disabled?: boolean;
}

/** A new password and its confirmation, with the policy said up front (setup, sign-up, change, reset). */
export function NewPasswordFields({ label, confirmLabel, description, value, onChange, confirm, onConfirmChange, error, confirmError, disabled }: Props) {
  return (
    <>
      <PasswordInput
        label={label}
        description={description}
        autoComplete="new-password"
        required
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        maxLength={LIMITS.passwordMax}
        disabled={disabled}
      />
      <PasswordInput
        label={confirmLabel}
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(event) => onConfirmChange(event.currentTarget.value)}
        error={confirmError}
        maxLength={LIMITS.passwordMax}
        disabled={disabled}
      />
    </>
  );
}
