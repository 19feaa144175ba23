import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { NOTIFICATION_KIND_INFO, NotificationKind } from '../notifications/notification-kind';
import type { Preference } from './preferences';
import type { SmtpAnswer } from './mailer';

@ObjectType('NotificationPreference', { description: 'Whether you get an email copy of one kind of notification (SPEC §18). In-app notifications always arrive.' })
export class NotificationPreferenceType {
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field({ description: 'Email copies of this kind are on.' }) email: boolean;
  @Field({ description: 'The kind in words, for the switch.' }) label: string;
  @Field({ description: 'When this kind is sent.' }) description: string;
}

export const toPreferenceType = (p: Preference): NotificationPreferenceType =>
  Object.assign(new NotificationPreferenceType(), { kind: p.kind, email: p.email, label: NOTIFICATION_KIND_INFO[p.kind].label, description: NOTIFICATION_KIND_INFO[p.kind].description });

@InputType('NotificationPreferenceInput', { description: 'One kind switched on or off.' })
export class NotificationPreferenceInput {
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field() email: boolean;
}

@ObjectType('EmailDelivery', { description: 'Whether this server sends email (SMTP_URL), and from where (admins).' })
export class EmailDelivery {
  @Field({ description: 'False: SMTP_URL is unset, notifications are in-app only.' }) enabled: boolean;
  @Field(() => String, { nullable: true, description: 'The SMTP server (scheme, host and port; never its credentials).' }) server: string | null;
  @Field(() => String, { nullable: true, description: 'MAIL_FROM.' }) from: string | null;
}

@ObjectType('TestEmailResult', { description: "The SMTP server's answer to a test email, as it came." })
export class TestEmailResult {
  @Field({ description: 'The server took the message for delivery.' }) accepted: boolean;
  @Field(() => Int, { nullable: true, description: 'The SMTP reply code, when the server answered.' }) code: number | null;
  @Field({ description: "The server's reply, or why it could not be reached." }) response: string;
  @Field(() => Int) durationMs: number;
}

export const toTestEmailResult = (a: SmtpAnswer): TestEmailResult =>
  Object.assign(new TestEmailResult(), { accepted: a.accepted, code: a.code, response: a.response, durationMs: a.durationMs });
