import type * as GraphQLModule from 'graphql'
import type { PayloadRequest } from 'payload'

import { transitionContentItem } from './transition-content-item'

type GraphQL = typeof GraphQLModule

/**
 * `transitionContentItem(id, to, reason)`: the workflow's GraphQL mutation, the same operation as
 * the REST endpoint and the Local API function. The caller is the request's user: an anonymous
 * request is refused (401), never taken for the system.
 */
export function workflowMutations(graphQL: GraphQL, payload: { collections: Record<string, { graphQL?: { type?: unknown } }> }) {
  const contentItemType = payload.collections['content-items']?.graphQL?.type as GraphQLModule.GraphQLOutputType
  return {
    transitionContentItem: {
      type: contentItemType,
      description: 'Moves a content item to another workflow state, if the transition table allows it for your role.',
      args: {
        id: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLInt) },
        to: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
        reason: { type: graphQL.GraphQLString },
      },
      resolve: async (_source: unknown, args: { id: number; to: string; reason?: string | null }, context: { req: PayloadRequest }) => {
        const result = await transitionContentItem(context.req.payload, {
          id: args.id,
          to: args.to,
          reason: args.reason ?? null,
          user: context.req.user,
          req: context.req,
        })
        return result.item
      },
    },
  }
}
