/** "Ann Lee <ann@example.com>", or just the name when the email is not visible to you. */
export function userLabel(user: { displayName: string; email?: string | null }): string {
  return user.email ? `${user.displayName} <${user.email}>` : user.displayName;
}

/** Words for the account kinds. */
export const USER_KIND_LABELS = { HUMAN: 'Person', SERVICE: 'Service account' } as const;
