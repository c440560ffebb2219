// Apollo Server on our own http.Server: schema from schema/*.graphql, the drain plugin for
// graceful shutdown, a typed per-request context, and the single error formatter.
import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { callerFromAuthorization } from '../auth/jwt';
import { AppError, unauthenticated } from '../errors/AppError';
import { scopeOf } from '../http/requestScope';
import { buildContext, type Context } from './context';
import { createFormatError, toGraphQLError } from './formatError';

export interface ApolloOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  jwtSecret: string;
  log: Logger;
  /** ms the drain plugin waits for in-flight requests on stop before cutting connections */
  stopGracePeriodMillis: number;
}

/**
 * No token, no GraphQL: every operation (introspection included) needs a caller. Resolvers
 * still check role and scope; this guarantees an unauthenticated request never reaches them.
 */
const requireAuthentication: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue }) {
        if (!contextValue.caller) throw toGraphQLError(unauthenticated('auth.required'), 401);
      },
    };
  },
};

export async function createApollo(opts: ApolloOptions): Promise<{ apollo: ApolloServer<Context>; middleware: RequestHandler }> {
  const apollo = new ApolloServer<Context>({
    schema: opts.schema,
    formatError: createFormatError(opts.log),
    includeStacktraceInErrorResponses: false,
    // The composition root owns SIGTERM/SIGINT (drain, close workers and the store, exit 0).
    // Apollo's own handler would stop the server a second time and re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: opts.httpServer, stopGracePeriodMillis: opts.stopGracePeriodMillis }),
      requireAuthentication,
    ],
    logger: opts.log.child({ component: 'apollo' }),
  });
  await apollo.start();

  const middleware = expressMiddleware(apollo, {
    context: async ({ req, res }): Promise<Context> => {
      const scope = scopeOf(res);
      let caller;
      try {
        caller = callerFromAuthorization(req.get('authorization'), opts.jwtSecret);
      } catch (e) {
        if (e instanceof AppError) {
          scope.log.info({ rule: e.rule }, 'rejected bearer token');
          throw toGraphQLError(e, 401);
        }
        throw e;
      }
      return buildContext({ requestId: scope.requestId, locale: scope.locale, caller, log: scope.log });
    },
  });
  return { apollo, middleware };
}
