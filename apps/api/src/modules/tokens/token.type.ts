import { Field, ID, ObjectType } from 'type-graphql';
import type { ApiTokenEntity } from './api-token.entity';

@ObjectType({ description: 'A new API token. The secret is shown this once; only its hash is kept.' })
export class CreateApiTokenPayload {
  @Field()
  token: string;

  @Field(() => ID)
  id: string;
}

@ObjectType('ApiToken', { description: 'An API token, without its secret.' })
export class ApiTokenType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The first characters of the secret, to tell tokens apart.' })
  prefix: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field({ description: 'Not revoked and not expired.' })
  active: boolean;
}

export function toApiTokenType(t: ApiTokenEntity, now = new Date()): ApiTokenType {
  return Object.assign(new ApiTokenType(), {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    active: t.revokedAt === null && (t.expiresAt === null || t.expiresAt > now),
  });
}
