import { ArgsType, Field, InputType } from 'type-graphql';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { UserKind } from '../../common/enums';
import { PageArgs } from '../../common/pagination';

@InputType({ description: 'Narrow the user list. Only administrators see deactivated accounts, so isActive: false finds nothing for others.' })
export class UserFilter {
  @Field(() => Boolean, { nullable: true, description: 'Active (true) or deactivated (false) accounts.' })
  isActive?: boolean | null;

  @Field(() => UserKind, { nullable: true, description: 'People (HUMAN) or service accounts (SERVICE).' })
  kind?: UserKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Administrators (true) or everyone else (false).' })
  isAdmin?: boolean | null;
}

@ArgsType()
export class UserSearchArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of a name or email.' })
  @IsOptional()
  @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string | null;

  @Field(() => UserFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: UserFilter | null;
}
