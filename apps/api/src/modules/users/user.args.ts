import { ArgsType, Field } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination';

@ArgsType()
export class UserSearchArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of a name or email.' })
  @IsOptional()
  @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string | null;
}
