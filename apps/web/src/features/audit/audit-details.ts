const MAX_VALUE_LENGTH = 60;
const MAX_SUMMARY_LENGTH = 160;

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  return JSON.stringify(value);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * One line for an audit event's details: "reason: wrong password · address: 10.0.0.1". Values
 * are shortened; the full JSON is one click away in the table.
 */
export function summarizeDetails(details: Record<string, unknown>): string {
  const parts = Object.entries(details).map(([key, value]) => `${key}: ${clip(valueText(value), MAX_VALUE_LENGTH)}`);
  return parts.length === 0 ? '' : clip(parts.join(' · '), MAX_SUMMARY_LENGTH);
}

/** "MEMBER_JOINED" → "Member joined". */
export function actionLabel(action: string): string {
  const words = action.toLowerCase().split('_').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
