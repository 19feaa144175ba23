import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { AccessLevel, Visibility } from '../../common/enums';
import { EdgeType, PageArgs, PageInfo } from '../../common/pagination';
import type { GrantEntity } from './grant.entity';
import type { ResourceEntity } from './resource.entity';

@ObjectType('Resource', { description: 'Something another application owns and Gatehouse guards.' })
export class ResourceType {
  @Field(() => ID) id: string;
  @Field({ description: 'A lowercase slug: model, knowledge, tool, document, …' }) kind: string;
  @Field(() => String, { nullable: true, description: 'The integration’s own id, unique per kind.' }) externalId: string | null;
  @Field() name: string;
  @Field() description: string;
  ownerId: string | null;
  @Field(() => Visibility) visibility: Visibility;
  @Field() createdAt: Date;
  /** The viewer's level, when already computed. */
  viewerLevel?: AccessLevel;
  entity: ResourceEntity;
}

export const toResourceType = (r: ResourceEntity, viewerLevel?: AccessLevel): ResourceType =>
  Object.assign(new ResourceType(), { id: r.id, kind: r.kind, externalId: r.externalId, name: r.name, description: r.description, ownerId: r.ownerId, visibility: r.visibility as Visibility, createdAt: r.createdAt, viewerLevel, entity: r });

/** The fields a listing's page indexes hold: a page that selects only these reads no resource row. */
export const LISTED_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'kind', 'name']);

/** A resource as a listing read it (only LISTED_FIELDS; see reachablePage's 'listed' columns). */
export const toListedResourceType = (r: Pick<ResourceEntity, 'id' | 'kind' | 'name'>): ResourceType =>
  Object.assign(new ResourceType(), { id: r.id, kind: r.kind, name: r.name });

@ObjectType('Grant', { description: 'READ or WRITE access for one user or one group.' })
export class GrantType {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'The resource’s id (resource answers only to those who may read it; this, its kind and name go wherever the grant does).' })
  resourceId: string;
  @Field({ description: 'The resource’s kind, copied on the grant.' }) resourceKind: string;
  @Field({ description: 'The resource’s name, copied on the grant (kept in step by the database on rename).' }) resourceName: string;
  userId: string | null;
  groupId: string | null;
  grantedById: string | null;
  @Field(() => AccessLevel) level: AccessLevel;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
}

export const toGrantType = (g: GrantEntity): GrantType =>
  Object.assign(new GrantType(), { id: g.id, resourceId: g.resourceId, resourceKind: g.kind, resourceName: g.name, userId: g.userId, groupId: g.groupId, grantedById: g.grantedById, level: g.level as AccessLevel, createdAt: g.createdAt, expiresAt: g.expiresAt });

const ResourceEdge = EdgeType('Resource', ResourceType);

@ObjectType({ description: 'A page of resources.' })
export class ResourceConnection {
  @Field(() => [ResourceEdge]) edges: InstanceType<typeof ResourceEdge>[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@InputType({ description: 'A new resource; you become its owner.' })
export class CreateResourceInput {
  @Field() @MaxLength(40, { message: 'kind must be at most 40 characters' }) kind: string;
  @Field() @MaxLength(200, { message: 'name must be at most 200 characters' }) name: string;
  @Field(() => String, { nullable: true, defaultValue: '' }) @IsOptional() @MaxLength(2000, { message: 'description must be at most 2000 characters' }) description?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, { message: 'externalId must be at most 200 characters' }) externalId?: string | null;
  @Field(() => Visibility, { nullable: true, defaultValue: Visibility.PRIVATE }) visibility?: Visibility | null;
}

@InputType({ description: 'Changes to a resource; omitted fields stay.' })
export class UpdateResourceInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, { message: 'name must be at most 200 characters' }) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000, { message: 'description must be at most 2000 characters' }) description?: string | null;
}

@InputType({ description: 'Users and groups.' })
export class PrincipalsInput {
  @Field(() => [ID], { nullable: true, defaultValue: [] }) userIds?: string[] | null;
  @Field(() => [ID], { nullable: true, defaultValue: [] }) groupIds?: string[] | null;
}

@InputType({ description: 'A whole access list, in the shape Open WebUI uses. Someone in both lists gets WRITE.' })
export class AccessControlInput {
  @Field(() => Visibility) visibility: Visibility;
  @Field(() => PrincipalsInput) @ValidateNested() read: PrincipalsInput;
  @Field(() => PrincipalsInput) @ValidateNested() write: PrincipalsInput;
}

@InputType({ description: 'Which resources: a kind, the least level (READ unless given), a name search.' })
export class ResourceFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(40, { message: 'kind must be at most 40 characters' }) kind?: string | null;
  @Field(() => AccessLevel, { nullable: true, defaultValue: AccessLevel.READ }) minLevel?: AccessLevel | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, { message: 'search must be at most 200 characters' }) search?: string | null;
}

@ArgsType()
export class ResourcesArgs extends PageArgs {
  @Field(() => ResourceFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: ResourceFilter | null;
  @Field(() => ID, { nullable: true, description: 'Whose access (default: you). Others need access.check.' }) userId?: string | null;
}

@ObjectType({ description: 'A user who can reach a resource, and at what level.' })
export class AccessorType {
  userId: string;
  @Field(() => AccessLevel) level: AccessLevel;
}

const AccessorEdge = EdgeType('Accessor', AccessorType);

@ObjectType({ description: 'Who can reach a resource (explicit paths, expanded through groups), by name.' })
export class AccessorConnection {
  @Field(() => [AccessorEdge]) edges: InstanceType<typeof AccessorEdge>[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ArgsType()
export class AccessorsArgs extends PageArgs {
  @Field(() => AccessLevel, { nullable: true, defaultValue: AccessLevel.READ }) minLevel?: AccessLevel | null;
}

@ObjectType({ description: 'What you may do with a resource (the SPA renders controls from it).' })
export class ResourceAbilities {
  @Field({ description: 'Edit name, description, visibility and grants (owner, admins, WRITE holders).' }) edit: boolean;
  @Field({ description: 'Delete it or transfer ownership (owner, admins).' }) own: boolean;
}
