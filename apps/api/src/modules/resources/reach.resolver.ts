import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { Explanation } from '../access/access.rule';
import { AccessExplanationType, AccessReasonType, toAccessExplanationType } from '../access/access.type';
import { ResourceType } from './resource.type';

/**
 * Per request, one loader per user asked about: a page of resources asks for its explanations in
 * one batch (no statement per row). Keyed by the request's context, so nothing outlives it.
 */
const loaders = new WeakMap<Context, Map<string, DataLoader<string, Explanation>>>();

function explanationLoader(ctx: Context, userId: string | null): DataLoader<string, Explanation> {
  let byUser = loaders.get(ctx);
  if (!byUser) loaders.set(ctx, (byUser = new Map()));
  const key = userId?.toLowerCase() ?? '';
  let loader = byUser.get(key);
  if (!loader) {
    loader = new DataLoader((resourceIds: readonly string[]) => ctx.services.access.explainEach(ctx.viewer, resourceIds, userId));
    byUser.set(key, loader);
  }
  return loader;
}

/** "What this person can reach": each resource of `resources(userId:)` with the paths to it. */
@Resolver(() => ResourceType)
export class ResourceReachResolver {
  @FieldResolver(() => AccessExplanationType, {
    description: 'The level of the user (default: you) on it and every path to it, as explainAccess answers. Asking about others needs access.check.',
  })
  async accessExplanation(@Root() r: ResourceType, @Arg('userId', () => ID, { nullable: true }) userId: string | null, @Ctx() ctx: Context): Promise<AccessExplanationType> {
    return toAccessExplanationType(await explanationLoader(ctx, userId).load(r.id));
  }

  @FieldResolver(() => [AccessReasonType], {
    description: 'The paths alone (accessExplanation.reasons, one level less deep: for lists of resources). Asking about others needs access.check.',
  })
  async accessReasons(@Root() r: ResourceType, @Arg('userId', () => ID, { nullable: true }) userId: string | null, @Ctx() ctx: Context): Promise<AccessReasonType[]> {
    return toAccessExplanationType(await explanationLoader(ctx, userId).load(r.id)).reasons;
  }
}
