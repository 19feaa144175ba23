import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { Shareable } from '../../common/enums';
import { PageArgs } from '../../common/pagination';
import { JSONObjectScalar } from '../../common/scalars';

@InputType({ description: 'A new group. Internal by default: only admins change its membership until you clear that.' })
export class CreateGroupInput {
  @Field()
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name: string;

  @Field(() => String, { nullable: true, defaultValue: '' })
  @IsOptional()
  @MaxLength(2000, { message: 'description must be at most 2000 characters' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  internal?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  hidden?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  open?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  public?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  restricted?: boolean | null;

  @Field(() => Shareable, { nullable: true, defaultValue: Shareable.MEMBERS })
  shareable?: Shareable | null;

  @Field(() => Int, { nullable: true })
  maxMembers?: number | null;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  permissions?: string[] | null;

  @Field(() => JSONObjectScalar, { nullable: true })
  metadata?: Record<string, unknown> | null;
}

@InputType({ description: 'Changes to a group; omitted fields stay as they are. maxMembers: null removes the limit.' })
export class UpdateGroupInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'description must be at most 2000 characters' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  internal?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  hidden?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  open?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  public?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  restricted?: boolean | null;

  @Field(() => Shareable, { nullable: true })
  shareable?: Shareable | null;

  @Field(() => Int, { nullable: true })
  maxMembers?: number | null;

  @Field(() => [String], { nullable: true })
  permissions?: string[] | null;

  @Field(() => JSONObjectScalar, { nullable: true })
  metadata?: Record<string, unknown> | null;
}

@InputType({ description: 'Narrow the group directory.' })
export class GroupFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only groups you are a member of.' })
  memberOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only groups you lead.' })
  ledOnly?: boolean | null;
}

@ArgsType()
export class MembersArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of a member’s name or email.' })
  @IsOptional()
  @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string | null;
}
