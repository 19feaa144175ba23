import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';

/** A short confirmation that something was saved; it fades by itself. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message, icon: <IconCheck size={18} aria-hidden />, autoClose: 4000 });
}

/** A failure of an action that has no form to show it in (a button in a table row). */
export function notifyFailure(message: string): void {
  notifications.show({ color: 'red', message, icon: <IconAlertTriangle size={18} aria-hidden />, autoClose: 8000 });
}
