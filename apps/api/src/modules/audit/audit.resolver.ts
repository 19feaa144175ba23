import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { toConnection } from '../../common/pagination';
import { requireViewer, type Context } from '../../context';
import { AUDIT_ACTIONS, auditActionLabel } from './audit-actions';
import { AuditActionInfo, AuditArgs, AuditEventConnection, toAuditEventType } from './audit.type';

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

  @Authorized()
  @Query(() => [AuditActionInfo], { description: 'Every action the audit log records, with its words: what AuditFilter.action accepts.' })
  auditActions(): AuditActionInfo[] {
    return AUDIT_ACTIONS.map((key) => ({ key, label: auditActionLabel(key) }));
  }
}
