import { Query, Resolver } from 'type-graphql';
import { Public } from '../../authz/access';
import { VERSION } from '../../version';
import { ServerInfo } from './server-info.type';

@Resolver()
export class ServerInfoResolver {
  @Public()
  @Query(() => ServerInfo, { description: 'Facts about this server; public.' })
  serverInfo(): ServerInfo {
    return { name: 'Gatehouse', version: VERSION };
  }
}
