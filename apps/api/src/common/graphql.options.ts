import { ApolloDriver, type ApolloDriverConfig } from "@nestjs/apollo";
import type { DynamicModule } from "@nestjs/common";
import { GraphQLModule } from "@nestjs/graphql";
import { MercuriusDriver, type MercuriusDriverConfig } from "@nestjs/mercurius";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { NoSchemaIntrospectionCustomRule, type GraphQLError, type ValidationRule } from "graphql";
import pino from "pino";

import type { AppConfig } from "../config/config.js";
import { buildContext } from "./gql-context.js";
import { formatGraphqlError } from "./graphql-errors.js";

const log = pino({ name: "graphql", level: process.env.LOG_LEVEL ?? "info" });
const logError = (error: unknown) => log.error({ err: error }, "unexpected error in a GraphQL operation");

/** Depth and cost limits (ANCHORS.md §3.4); no introspection in production. */
function validationRules(config: AppConfig): ValidationRule[] {
  const rules: ValidationRule[] = [
    maxDepthRule({ n: 10, exposeLimits: true }) as unknown as ValidationRule,
    costLimitRule({ maxCost: 20_000, exposeLimits: true }) as unknown as ValidationRule,
  ];
  if (config.isProduction) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}

/**
 * The GraphQL module on the chosen driver. Both run on Fastify with the same schema, context, limits and
 * error format, so the driver can be compared (docs/adr/0003) and switched by GRAPHQL_DRIVER.
 */
export function graphqlModule(config: AppConfig): DynamicModule {
  const common = {
    autoSchemaFile: true as const,
    path: "/graphql",
  };
  if (config.graphqlDriver === "apollo") {
    return GraphQLModule.forRoot<ApolloDriverConfig>({
      ...common,
      driver: ApolloDriver,
      playground: false,
      introspection: !config.isProduction,
      csrfPrevention: true,
      includeStacktraceInErrorResponses: false,
      validationRules: validationRules(config),
      context: buildContext,
      formatError: (formatted, error) => formatGraphqlError(error as GraphQLError, logError) ?? formatted,
    });
  }
  return GraphQLModule.forRoot<MercuriusDriverConfig>({
    ...common,
    driver: MercuriusDriver,
    graphiql: false,
    jit: 1,
    allowBatchedQueries: false,
    validationRules: validationRules(config),
    context: buildContext,
    errorFormatter: (execution) => {
      // Mercurius wraps parse and validation failures in one error whose originalError lists them.
      const wrapped = (execution.errors ?? []).flatMap((e) => {
        const inner = (e.originalError as { errors?: unknown } | undefined)?.errors;
        return Array.isArray(inner) ? (inner as GraphQLError[]) : [e];
      });
      const failedBeforeExecution = !execution.data && wrapped.length > 0 && wrapped.every((e) => !e.originalError);
      return {
        // Like Apollo: 400 when the request failed before execution, 200 once resolvers ran.
        statusCode: failedBeforeExecution ? 400 : 200,
        response: { data: execution.data ?? null, errors: wrapped.map((e) => formatGraphqlError(e, logError)) },
      };
    },
  });
}
