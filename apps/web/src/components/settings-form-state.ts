import type { Problem } from '../app/graphql-errors';

/**
 * Where a settings form is: `editing` (dirty or not: compare `values` with `initial`), `saving`,
 * `saved` (the answer became the new starting point) or `failed` (the server's problem is shown).
 * Problems found before sending keep the form `editing`, with their messages beside the fields.
 */
export type SettingsFormStatus = 'editing' | 'saving' | 'saved' | 'failed';

export interface SettingsFormState<TValues> {
  status: SettingsFormStatus;
  /** What the server last said is saved; changes and "Discard" are measured against it. */
  initial: TValues;
  values: TValues;
  /** Problems found in the form itself, by field. */
  localErrors: Record<string, string>;
  /** The server's answer to the last failed save. */
  problem: Problem | null;
}

export type SettingsFormAction<TValues> =
  | { type: 'set'; values: Partial<TValues> }
  | { type: 'fieldError'; field: string; message: string | null }
  | { type: 'discard' }
  | { type: 'invalid'; errors: Record<string, string> }
  | { type: 'saving' }
  | { type: 'saved'; values: TValues }
  | { type: 'failed'; problem: Problem }
  /** A save that came back without an answer: nothing changed. */
  | { type: 'abandoned' };

export function settingsFormStart<TValues>(initial: TValues): SettingsFormState<TValues> {
  return { status: 'editing', initial, values: initial, localErrors: {}, problem: null };
}

export function settingsFormReducer<TValues>(
  state: SettingsFormState<TValues>,
  action: SettingsFormAction<TValues>,
): SettingsFormState<TValues> {
  switch (action.type) {
    case 'set':
      return { ...state, status: state.status === 'saving' ? 'saving' : 'editing', values: { ...state.values, ...action.values } };
    case 'fieldError': {
      const { [action.field]: _old, ...rest } = state.localErrors;
      return { ...state, localErrors: action.message === null ? rest : { ...rest, [action.field]: action.message } };
    }
    case 'discard':
      return settingsFormStart(state.initial);
    case 'invalid':
      return { ...state, status: 'editing', localErrors: action.errors, problem: null };
    case 'saving':
      return { ...state, status: 'saving', localErrors: {}, problem: null };
    case 'saved':
      return { ...settingsFormStart(action.values), status: 'saved' };
    case 'failed':
      return { ...state, status: 'failed', problem: action.problem };
    case 'abandoned':
      return { ...state, status: 'editing' };
  }
}

/** What the form sends, or the problems that stop it from being sent. */
export interface SettingsChanges<TInput> {
  input: TInput;
  errors: Record<string, string>;
}

export interface SettingsSaveSteps<TValues, TInput> {
  changes: (initial: TValues, values: TValues) => SettingsChanges<TInput>;
  /** Sends the changes; resolves to the saved values from the answer, or null when there is none. */
  save: (input: TInput) => Promise<TValues | null>;
  /** Turns a failed save into what the form shows. */
  problemOf: (failure: unknown) => Problem;
}

/**
 * One save of a settings form, told to `dispatch` as it goes: nothing is sent when the form has
 * problems or no change. Resolves to true when the values were saved.
 */
export async function saveSettingsForm<TValues, TInput extends object>(
  state: SettingsFormState<TValues>,
  steps: SettingsSaveSteps<TValues, TInput>,
  dispatch: (action: SettingsFormAction<TValues>) => void,
): Promise<boolean> {
  const { input, errors } = steps.changes(state.initial, state.values);
  if (Object.keys(errors).length > 0) {
    dispatch({ type: 'invalid', errors });
    return false;
  }
  if (Object.keys(input).length === 0) {
    dispatch({ type: 'invalid', errors: {} });
    return false;
  }
  dispatch({ type: 'saving' });
  try {
    const saved = await steps.save(input);
    if (saved === null) {
      dispatch({ type: 'abandoned' });
      return false;
    }
    dispatch({ type: 'saved', values: saved });
    return true;
  } catch (failure) {
    dispatch({ type: 'failed', problem: steps.problemOf(failure) });
    return false;
  }
}
