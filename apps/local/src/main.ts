// Placeholder until fake-graph (issue 4) and the gateway (issue 5) land: `pnpm start` must work
// on a fresh clone at every commit, so it says what exists and what is coming.
console.log(`connector-gateway: the workspace is set up.
  ready:   packages/domain (ConnectorGroup schemas, REST paths, Graph error envelope)
  coming:  apps/fake-graph on http://localhost:4010/v1.0, then the GraphQL gateway on http://localhost:4000/graphql`);
