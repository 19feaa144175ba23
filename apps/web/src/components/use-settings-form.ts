import { useReducer, type FormEvent } from 'react';
import type { Problem } from '../app/graphql-errors';
import { notifySuccess } from './notify';
import {
  saveSettingsForm,
  settingsFormReducer,
  settingsFormStart,
  type SettingsFormAction,
  type SettingsFormState,
  type SettingsFormStatus,
  type SettingsSaveSteps,
} from './settings-form-state';

export interface SettingsFormOptions<TValues, TInput> extends SettingsSaveSteps<TValues, TInput> {
  /** The values the form starts from (read once, on mount). */
  initial: () => TValues;
  /** Said when the save succeeded ("Settings saved."). */
  savedMessage: string;
  /** Whether the form differs from what is saved; by default, whether `changes` has any input. */
  isDirty?: (initial: TValues, values: TValues, input: TInput) => boolean;
}

export interface SettingsForm<TValues> {
  status: SettingsFormStatus;
  values: TValues;
  dirty: boolean;
  saving: boolean;
  /** The server's message that belongs to no field. */
  problem: Problem | null;
  set: <K extends keyof TValues>(key: K, value: TValues[K]) => void;
  /** A field's message: the form's own check first, then the server's. */
  fieldError: (field: string) => string | undefined;
  /** Sets (or clears, with null) the form's own message for one field, e.g. when it loses focus. */
  setFieldError: (field: string, message: string | null) => void;
  submit: (event: FormEvent) => void;
  /** Back to what is saved, without any message. */
  discard: () => void;
}

/**
 * The settings forms' one state machine (editing → saving → saved | failed): only changed fields are
 * sent, problems found before sending stay beside their fields, and the answer becomes the new
 * starting point so "Discard changes" goes back to what is saved now.
 */
export function useSettingsForm<TValues, TInput extends object>(options: SettingsFormOptions<TValues, TInput>): SettingsForm<TValues> {
  const [state, dispatch] = useReducer(
    settingsFormReducer as (s: SettingsFormState<TValues>, a: SettingsFormAction<TValues>) => SettingsFormState<TValues>,
    undefined,
    () => settingsFormStart(options.initial()),
  );
  const { input } = options.changes(state.initial, state.values);
  const dirty = options.isDirty ? options.isDirty(state.initial, state.values, input) : Object.keys(input).length > 0;

  return {
    status: state.status,
    values: state.values,
    dirty,
    saving: state.status === 'saving',
    problem: state.problem,
    set: (key, value) => dispatch({ type: 'set', values: { [key]: value } as unknown as Partial<TValues> }),
    fieldError: (field) => state.localErrors[field] ?? state.problem?.fields[field],
    setFieldError: (field, message) => dispatch({ type: 'fieldError', field, message }),
    submit: (event) => {
      event.preventDefault();
      void saveSettingsForm(state, options, dispatch).then((saved) => {
        if (saved) notifySuccess(options.savedMessage);
      });
    },
    discard: () => dispatch({ type: 'discard' }),
  };
}
