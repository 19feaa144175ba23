/** Who caused a change, as the audit log records it. `null` id = the system itself. */
export interface Actor {
  id: string | null;
  label: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'System' };

/** A user as an actor or subject label: "Display Name <email>", kept readable after deletion. */
export function userLabel(user: { displayName: string; email: string }): string {
  return `${user.displayName} <${user.email}>`;
}
