import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Facts about this Gatehouse server that anyone may read.' })
export class ServerInfo {
  @Field({ description: 'The product name, for titles.' })
  name: string;

  @Field({ description: 'The running version of Gatehouse.' })
  version: string;
}
