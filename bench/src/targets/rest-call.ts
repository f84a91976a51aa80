import {
  ConnectorGroupInput,
  DirectoryObjectId,
  GRAPHQL_TO_REST_REGION,
  GRAPHQL_TO_REST_TYPE,
  type GraphQLConnectorGroupRegion,
  type GraphQLConnectorGroupType,
  memberOfRefPath,
  toRestBody,
  type Validated,
  validate,
} from '@connectors/domain';
import { z } from 'zod';

const graphQLTypes = Object.keys(GRAPHQL_TO_REST_TYPE) as [
  GraphQLConnectorGroupType,
  ...GraphQLConnectorGroupType[],
];
const graphQLRegions = Object.keys(GRAPHQL_TO_REST_REGION) as [
  GraphQLConnectorGroupRegion,
  ...GraphQLConnectorGroupRegion[],
];

// The domain's add request as the seed profile needs it: every part required.
const SeedAddRequest = z.object({
  applicationId: DirectoryObjectId,
  connectorId: DirectoryObjectId,
  connectorGroup: ConnectorGroupInput,
});

/**
 * `AddConnectorMemberOfInput` as the GraphQL layer delivers it (enum names in UPPER_SNAKE),
 * mapped to REST values and then checked by the domain's own schemas as the seed profile needs them: the
 * floors validate exactly what the gateway validates, no more, no less.
 */
export const GraphQLAddInput = z
  .object({
    applicationId: z.string(),
    connectorId: z.string(),
    connectorGroup: z.object({
      id: z.string().nullish(),
      connectorGroupType: z.enum(graphQLTypes),
      isDefault: z.boolean(),
      name: z.string(),
      region: z.enum(graphQLRegions),
    }),
  })
  .transform(({ applicationId, connectorId, connectorGroup: group }) => ({
    applicationId,
    connectorId,
    connectorGroup: {
      ...(group.id == null ? {} : { id: group.id }),
      connectorGroupType: GRAPHQL_TO_REST_TYPE[group.connectorGroupType],
      isDefault: group.isDefault,
      name: group.name,
      region: GRAPHQL_TO_REST_REGION[group.region],
    },
  }))
  // What the gateway accepts under seed (the floors' profile): the application, which the seed's
  // path names, and the whole group, which its body is.
  .pipe(SeedAddRequest);

/** The `$ref` POST to send: the path below the upstream base, and the serialised JSON body. */
export interface RestCall {
  path: string;
  body: string;
  /** The validated request (REST values) the call was built from. */
  request: z.output<typeof SeedAddRequest>;
}

/**
 * Builds the REST call of docs/rest-upstream.md from the GraphQL input, with the domain's
 * `memberOfRefPath` and `toRestBody`: every target sends byte-for-byte the same request.
 */
export function toRestCall(input: unknown): Validated<RestCall> {
  const checked = validate(GraphQLAddInput, input);
  if (!checked.ok) return checked;
  const request = checked.value;
  return {
    ok: true,
    value: {
      path: memberOfRefPath(request.applicationId, request.connectorId),
      body: JSON.stringify(toRestBody(request.connectorGroup)),
      request,
    },
  };
}
