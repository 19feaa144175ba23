import { Field, InputType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { UserKind } from '../../common/enums';

@InputType({ description: 'A new account. Humans may get a password; service accounts use tokens.' })
export class CreateUserInput {
  @Field()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email: string;

  @Field()
  @MaxLength(200, { message: 'displayName must be at most 200 characters' })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'At least 12 characters, not the email.' })
  @IsOptional()
  @MaxLength(256, { message: 'password must be at most 256 characters' })
  password?: string | null;

  @Field(() => UserKind, { nullable: true, defaultValue: UserKind.HUMAN })
  kind?: UserKind | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  isAdmin?: boolean | null;
}

@InputType({ description: 'Changes to an account; omitted fields stay as they are.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'displayName must be at most 200 characters' })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'Admins only.' })
  @IsOptional()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Admins only. Deactivating ends sessions and tokens at once.' })
  isActive?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Admins only. The last active admin cannot be demoted.' })
  isAdmin?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Admins only: a password reset. Ends the user’s sessions.' })
  @IsOptional()
  @MaxLength(256, { message: 'password must be at most 256 characters' })
  password?: string | null;
}

@InputType({ description: 'The first admin, created on the one-time setup screen.' })
export class SetupInput {
  @Field()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email: string;

  @Field()
  @MaxLength(200, { message: 'displayName must be at most 200 characters' })
  displayName: string;

  @Field()
  @MaxLength(256, { message: 'password must be at most 256 characters' })
  password: string;
}
