import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What the viewer may do with this account (the SPA renders controls from it).' })
export class UserAbilities {
  @Field({ description: 'Change the display name (self, admins).' }) update: boolean;
  @Field({ description: 'Change the email (admins).' }) setEmail: boolean;
  @Field({ description: 'Activate or deactivate (admins; never yourself).' }) setActive: boolean;
  @Field({ description: 'Make or unmake an administrator (admins; humans only).' }) setAdmin: boolean;
  @Field({ description: 'Change direct permissions (admins).' }) setPermissions: boolean;
  @Field({ description: 'Set a new password for them (admins; humans only).' }) resetPassword: boolean;
  @Field({ description: 'Make API tokens for this account (self, or admins for service accounts).' }) createToken: boolean;
  @Field({ description: 'Delete the account (admins; never yourself).' }) delete: boolean;
}

@ObjectType({ description: 'What the signed-in viewer may do across Gatehouse.' })
export class ViewerAbilities {
  @Field() createUser: boolean;
  @Field({ description: 'Admins, and managers (self-service groups only).' }) createGroup: boolean;
  @Field() definePermission: boolean;
  @Field({ description: 'Holders of resources.create.' }) createResource: boolean;
  @Field({ description: 'Read the whole audit log (admins, audit.read).' }) readAudit: boolean;
  @Field() manageSettings: boolean;
  @Field({ description: 'Ask about other users’ access (access.check).' }) checkOthersAccess: boolean;
  @Field({ description: 'Start an access review (SPEC §21): admins, and managers for the groups they may manage.' }) startAccessReview: boolean;
}
