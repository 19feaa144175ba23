import { Field, ObjectType } from 'type-graphql';
import { GroupType } from '../groups/group.type';

@ObjectType({ description: 'One effective permission and every reason the user holds it.' })
export class PermissionOrigin {
  @Field()
  key: string;

  @Field({ description: 'Given to the user directly.' })
  direct: boolean;

  @Field({ description: 'Held because the user is an administrator (admins hold every permission).' })
  admin: boolean;

  @Field(() => [GroupType], { description: 'Groups the user is a current member of that carry it.' })
  groups: GroupType[];
}
