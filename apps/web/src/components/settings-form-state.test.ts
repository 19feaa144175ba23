import { describe, expect, it } from 'vitest';
import type { Problem } from '../app/graphql-errors';
import {
  saveSettingsForm,
  settingsFormReducer,
  settingsFormStart,
  type SettingsFormAction,
  type SettingsFormState,
  type SettingsSaveSteps,
} from './settings-form-state';

interface Values {
  name: string;
  days: number | '';
}
type Input = Partial<{ name: string; days: number }>;

/** A tiny form like the real ones: only changed fields are sent; an empty number is a local problem. */
function changes(initial: Values, values: Values) {
  const input: Input = {};
  const errors: Record<string, string> = {};
  if (values.name !== initial.name) input.name = values.name;
  if (values.days === '') errors['days'] = 'Enter a number of days.';
  else if (values.days !== initial.days) input.days = values.days;
  return { input, errors };
}

const problem: Problem = { code: 'BAD_USER_INPUT', reason: 'VALIDATION', fields: { name: 'Taken.' }, message: null };

/** Runs one save with the real reducer, the way the hook does, and returns where the form ends up. */
async function save(state: SettingsFormState<Values>, server: (input: Input) => Promise<Values | null>) {
  let current = state;
  const sent: Input[] = [];
  const seen: string[] = [];
  const steps: SettingsSaveSteps<Values, Input> = {
    changes,
    save: (input) => {
      sent.push(input);
      return server(input);
    },
    problemOf: () => problem,
  };
  const dispatch = (action: SettingsFormAction<Values>) => {
    current = settingsFormReducer<Values>(current, action);
    seen.push(current.status);
  };
  const saved = await saveSettingsForm(current, steps, dispatch);
  return { saved, state: current, sent, seen };
}

const start = settingsFormStart<Values>({ name: 'Ops', days: 7 });
const edit = (state: SettingsFormState<Values>, values: Partial<Values>) => settingsFormReducer<Values>(state, { type: 'set', values });

describe('settings form state', () => {
  it('starts clean: the values are what is saved', () => {
    expect(start).toEqual({ status: 'editing', initial: { name: 'Ops', days: 7 }, values: { name: 'Ops', days: 7 }, localErrors: {}, problem: null });
  });

  it('sends only what changed, then starts over from the saved answer', async () => {
    const edited = edit(start, { name: 'Operations' });
    const result = await save(edited, (input) => Promise.resolve({ name: input.name ?? 'Ops', days: 7 }));
    expect(result.sent).toEqual([{ name: 'Operations' }]);
    expect(result.seen).toEqual(['saving', 'saved']);
    expect(result.saved).toBe(true);
    expect(result.state.initial).toEqual({ name: 'Operations', days: 7 });
    expect(result.state.values).toEqual(result.state.initial);
  });

  it('sends nothing when nothing changed', async () => {
    const result = await save(start, () => expect.fail('nothing to send'));
    expect(result.saved).toBe(false);
    expect(result.state.status).toBe('editing');
  });

  it('keeps a problem found before sending beside its field, and sends nothing', async () => {
    const result = await save(edit(start, { name: 'Operations', days: '' }), () => expect.fail('not sent'));
    expect(result.sent).toEqual([]);
    expect(result.state.localErrors).toEqual({ days: 'Enter a number of days.' });
    expect(result.state.values).toEqual({ name: 'Operations', days: '' });
  });

  it('keeps the edits and shows the server problem when the save fails; the next save clears it', async () => {
    const edited = edit(start, { name: 'Admins' });
    const failed = await save(edited, () => Promise.reject(new Error('conflict')));
    expect(failed.seen).toEqual(['saving', 'failed']);
    expect(failed.state.problem).toBe(problem);
    expect(failed.state.values).toEqual({ name: 'Admins', days: 7 });
    expect(failed.state.initial).toEqual({ name: 'Ops', days: 7 });

    const retried = await save(edit(failed.state, { name: 'Admins 2' }), (input) => Promise.resolve({ name: input.name ?? '', days: 7 }));
    expect(retried.state.status).toBe('saved');
    expect(retried.state.problem).toBeNull();
  });

  it('goes back to editing when the save has no answer', async () => {
    const result = await save(edit(start, { name: 'X' }), () => Promise.resolve(null));
    expect(result.seen).toEqual(['saving', 'editing']);
    expect(result.state.values.name).toBe('X');
  });

  it('discards edits and every message', () => {
    let state = edit(start, { days: '' });
    state = settingsFormReducer<Values>(state, { type: 'invalid', errors: { days: 'Enter a number of days.' } });
    state = settingsFormReducer<Values>(state, { type: 'failed', problem });
    state = settingsFormReducer<Values>(state, { type: 'discard' });
    expect(state).toEqual(start);
  });

  it('sets and clears one field’s own message without touching the others', () => {
    let state = settingsFormReducer<Values>(start, { type: 'invalid', errors: { days: 'Enter a number of days.' } });
    state = settingsFormReducer<Values>(state, { type: 'fieldError', field: 'name', message: 'Too long.' });
    expect(state.localErrors).toEqual({ days: 'Enter a number of days.', name: 'Too long.' });
    state = settingsFormReducer<Values>(state, { type: 'fieldError', field: 'days', message: null });
    expect(state.localErrors).toEqual({ name: 'Too long.' });
  });

  it('an edit after saving makes the form editing again', () => {
    const saved = settingsFormReducer<Values>(start, { type: 'saved', values: { name: 'Ops', days: 7 } });
    expect(saved.status).toBe('saved');
    expect(edit(saved, { days: 8 }).status).toBe('editing');
  });
});
