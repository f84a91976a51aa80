/**
 * The GraphQL documents the hostile suite sends, and a printer for inline arguments. The two
 * fixed documents are sent again and again, so after the first of each the gateway serves them
 * from its fast path: both request pipelines meet the same traffic.
 */

/** The mutation of docs/graphql-api.md, with its input as a variable. */
export const MUTATION = `mutation Add($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) {
    connectorGroup { id connectorGroupType isDefault name region }
    userErrors { code message field }
    requestId
  }
}`;

/** The Query that calls upstream GET .../memberOf. */
export const QUERY = `query Groups($applicationId: ID!, $connectorId: ID!) {
  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {
    connectorGroups { id name region }
    userErrors { code message field }
    requestId
  }
}`;

// Fields whose values are GraphQL enums: printed bare when they look like an enum name, so an
// inline document says `region: EUR`, and as a string otherwise (a type error, as it should be).
const ENUM_FIELDS = new Set(['region', 'connectorGroupType']);
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Prints a JSON-like value as a GraphQL value literal (strings through JSON's escaping). */
export function graphqlLiteral(value: unknown, key?: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    if (key !== undefined && ENUM_FIELDS.has(key) && NAME.test(value)) return value;
    // JSON's escapes are GraphQL's; a lone surrogate becomes \udXXX, which GraphQL refuses.
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    // Deep nesting, printed without recursing once per level.
    let depth = 0;
    let inner: unknown = value;
    while (Array.isArray(inner) && inner.length === 1) {
      depth += 1;
      inner = inner[0];
    }
    const middle = Array.isArray(inner)
      ? `[${inner.map((item) => graphqlLiteral(item)).join(', ')}]`
      : graphqlLiteral(inner);
    return `${'['.repeat(depth)}${middle}${']'.repeat(depth)}`;
  }
  const fields = Object.entries(value as Record<string, unknown>).map(
    ([name, field]) => `${name}: ${graphqlLiteral(field, name)}`,
  );
  return `{ ${fields.join(', ')} }`;
}

/** The mutation with its input written inline (no variables): a new document every time. */
export function inlineMutation(input: unknown): string {
  return `mutation AddInline {
  addConnectorMemberOf(input: ${graphqlLiteral(input)}) {
    connectorGroup { id name region }
    userErrors { code message field }
    requestId
  }
}`;
}

/** The Query with its ids written inline. */
export function inlineQuery(args: Record<string, unknown>): string {
  return `query GroupsInline {
  connectorMemberOf(applicationId: ${graphqlLiteral(args.applicationId)}, connectorId: ${graphqlLiteral(args.connectorId)}) {
    connectorGroups { id name }
    userErrors { code field }
    requestId
  }
}`;
}
