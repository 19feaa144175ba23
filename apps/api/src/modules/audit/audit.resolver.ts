import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { isTimeZone } from '../../common/days';
import { errors } from '../../common/errors';
import { toConnection } from '../../common/pagination';
import { requireViewer, type Context } from '../../context';
import { AUDIT_ACTIONS, auditActionLabel, auditSentence } from './audit-actions';
import { AuditActionInfo, AuditArgs, AuditEventConnection, AuditEventType, toAuditEventType } from './audit.type';

@Resolver(() => AuditEventType)
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

  @FieldResolver(() => String, {
    description:
      'The row as one sentence, e.g. "Ada Admin gave On-call write access to Platform Runbooks until 2027-02-10." Dates are the days they fall on in timeZone (an IANA zone such as "America/New_York"; default UTC) — pass the reader’s.',
  })
  summary(@Root() e: AuditEventType, @Arg('timeZone', () => String, { nullable: true }) timeZone: string | null): string {
    if (timeZone != null && !isTimeZone(timeZone)) throw errors.validation([{ field: 'timeZone', message: `${timeZone.slice(0, 64)} is not a time zone; give an IANA name such as Europe/Berlin.` }]);
    return auditSentence(e, timeZone ?? 'UTC');
  }
}
