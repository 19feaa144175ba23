import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { toConnection } from '../../common/pagination';
import { requireViewer, type Context } from '../../context';
import { AuditArgs, AuditEventConnection, toAuditEventType } from './audit.type';

@Resolver()
export class AuditResolver {
  @Authorized()
  @Query(() => AuditEventConnection, {
    description: 'The audit log, newest first. Admins and audit.read holders read all; leaders their groups’; everyone their own.',
  })
  async auditEvents(@Args() args: AuditArgs, @Ctx() ctx: Context): Promise<AuditEventConnection> {
    const page = await ctx.services.audit.list(requireViewer(ctx), args.filter ?? {}, args.first, args.after);
    return toConnection(page, toAuditEventType);
  }
}
