import { z } from 'zod';
import { operation } from './operation.ts';

const tag = 'Benachrichtigungen';

const choice = (what: string) => z.boolean({ error: `Bitte geben Sie für „${what}“ an, ob Sie die E-Mail erhalten möchten (true/false).` });

/**
 * Which e-mails a resident gets about their cases (docs/cases.md, "Notifications"); every one is on until
 * the resident turns it off.
 */
export const notificationPreferences = z
  .object({
    /** The receipt when a case is filed. */
    receipt: choice('Eingangsbestätigung'),
    /** Each public reply of the housing company. */
    replies: choice('Antworten'),
    /** Each status change. */
    statusChanges: choice('Statusänderungen'),
    /** A contractor's appointment. */
    appointments: choice('Handwerkertermine'),
  })
  .strict()
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.output<typeof notificationPreferences>;

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  receipt: true,
  replies: true,
  statusChanges: true,
  appointments: true,
};

export const notificationOperations = {
  notificationPreferences: operation({
    operationId: 'notificationPreferences',
    method: 'get',
    path: '/account/notification-preferences',
    summary: 'Welche E-Mails ich zu meinen Anliegen erhalte',
    tag,
    access: 'resident',
    response: notificationPreferences,
  }),
  setNotificationPreferences: operation({
    operationId: 'setNotificationPreferences',
    method: 'put',
    path: '/account/notification-preferences',
    summary: 'E-Mails zu meinen Anliegen wählen',
    tag,
    access: 'resident',
    body: notificationPreferences,
    response: notificationPreferences,
  }),
};
