import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { PermissionLossPolicy, Registration, SsoGroupSync } from '../../common/enums';

@ObjectType({ description: 'Single sign-on settings (SPEC §12).' })
export class SsoSettings {
  @Field(() => SsoGroupSync) groupSync: SsoGroupSync;
  @Field({ description: 'Dotted path of the groups claim.' }) claim: string;
  @Field({ description: 'Create missing groups named in the claim (internal, source SSO).' }) createGroups: boolean;
  @Field(() => [String], { description: 'Glob patterns of group names that sync never touches.' }) blockedGroups: string[];
  @Field({ description: 'Link a first sign-on to an existing account with the same verified email.' }) linkByEmail: boolean;
  @Field({ description: 'Create an account on first sign-on.' }) createUsers: boolean;
}

@ObjectType({ description: 'Service-wide settings (admins).' })
export class Settings {
  @Field({ description: 'Leaving a non-open group happens at once instead of needing approval.' }) autoLeave: boolean;
  @Field({ description: 'Approvers are notified of new requests.' }) notifyApprovers: boolean;
  @Field({ description: 'An approver may decide their own request.' }) allowSelfApproval: boolean;
  @Field({ description: 'A join request must give a reason.' }) requireRequestReason: boolean;
  @Field(() => PermissionLossPolicy) permissionLossPolicy: PermissionLossPolicy;
  /** Resolved to groups by the resolver. */
  defaultGroupIds: string[];
  @Field({ description: 'Admins reach every resource at WRITE.' }) adminBypass: boolean;
  @Field(() => Registration) registration: Registration;
  @Field(() => Int, { description: 'Days before expiry that members are warned.' }) expiryWarningDays: number;
  @Field(() => SsoSettings) sso: SsoSettings;
}

@InputType({ description: 'Changes to single sign-on settings; omitted fields stay.' })
export class SsoSettingsInput {
  @Field(() => SsoGroupSync, { nullable: true }) groupSync?: SsoGroupSync | null;
  @Field(() => String, { nullable: true }) claim?: string | null;
  @Field(() => Boolean, { nullable: true }) createGroups?: boolean | null;
  @Field(() => [String], { nullable: true }) blockedGroups?: string[] | null;
  @Field(() => Boolean, { nullable: true }) linkByEmail?: boolean | null;
  @Field(() => Boolean, { nullable: true }) createUsers?: boolean | null;
}

@InputType({ description: 'Changes to settings; omitted fields stay.' })
export class SettingsInput {
  @Field(() => Boolean, { nullable: true }) autoLeave?: boolean | null;
  @Field(() => Boolean, { nullable: true }) notifyApprovers?: boolean | null;
  @Field(() => Boolean, { nullable: true }) allowSelfApproval?: boolean | null;
  @Field(() => Boolean, { nullable: true }) requireRequestReason?: boolean | null;
  @Field(() => PermissionLossPolicy, { nullable: true }) permissionLossPolicy?: PermissionLossPolicy | null;
  @Field(() => [ID], { nullable: true }) defaultGroupIds?: string[] | null;
  @Field(() => Boolean, { nullable: true }) adminBypass?: boolean | null;
  @Field(() => Registration, { nullable: true }) registration?: Registration | null;
  @Field(() => Int, { nullable: true }) expiryWarningDays?: number | null;
  @Field(() => SsoSettingsInput, { nullable: true }) @IsOptional() @ValidateNested() sso?: SsoSettingsInput | null;
}
