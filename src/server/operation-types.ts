/**
 * Operations the schema cannot run (today `mutation` and `subscription`: the schema defines only `Query`)
 * are a client's mistake, not a server fault: they are refused before execution with HTTP 400 and
 * `extensions.code: OPERATION_NOT_SUPPORTED`, and nothing is logged at error level.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema, OperationTypeNode } from 'graphql';
import { ErrorCode } from '../services/errors';

/** The refusal of an operation type the schema does not define. */
export function unsupportedOperation(operation: OperationTypeNode): GraphQLError {
  return new GraphQLError(`This API does not support ${operation} operations.`, {
    extensions: { code: ErrorCode.OPERATION_NOT_SUPPORTED, http: { status: 400 } },
  });
}

/** Does the schema have a root type for this operation? */
export function supportsOperation(schema: GraphQLSchema, operation: OperationTypeNode): boolean {
  return Boolean(schema.getRootType(operation));
}

/** Apollo plugin refusing operations whose root type the schema does not define. */
export function operationTypePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema }) {
          if (operation && !supportsOperation(schema, operation.operation)) throw unsupportedOperation(operation.operation);
        },
      };
    },
  };
}
