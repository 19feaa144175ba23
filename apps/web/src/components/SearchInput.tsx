import { CloseButton, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { CSSProperties } from 'react';

export interface SearchInputProps {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  /** Layout from the caller (e.g. how it grows in a row of controls). */
  style?: CSSProperties;
}

/** A labelled search box with a clear button. */
export function SearchInput({ label, placeholder, value, onChange, style }: SearchInputProps) {
  return (
    <TextInput
      label={label}
      type="search"
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={value ? <CloseButton aria-label="Clear search" size="sm" onClick={() => onChange('')} /> : null}
      style={style}
      maxLength={200}
    />
  );
}
