import { z } from 'zod';

const Link = z.object({ href: z.string() });
const Matrix = z.object({
  matrix: z.array(
    z.object({
      consumer: z.object({ name: z.string() }),
      verificationResult: z
        .object({ success: z.boolean(), _links: z.object({ self: Link }) })
        .nullable()
        .optional(),
    }),
  ),
});
const VerificationResult = z.object({
  providerApplicationVersion: z.string(),
  testResults: z
    .array(
      z.object({
        interactionDescription: z.string().optional(),
        success: z.boolean(),
        mismatches: z.array(z.object({ description: z.string().optional() })).optional(),
      }),
    )
    .optional(),
});

/** What to ask the broker's matrix: as `pact-broker can-i-deploy --to-environment` asks it. */
export interface DeploymentQuestion {
  baseUrl: string;
  /** The `Authorization` header value, or undefined for a broker without auth. */
  authorization: string | undefined;
  pacticipant: string;
  version: string;
  environment: string;
}

/**
 * The interactions whose failed verification stops a deployment, named, from the broker's own
 * answers: the matrix can-i-deploy reads, then each failed verification result's `testResults`
 * (the verifier publishes each interaction's description and mismatches). Empty when nothing
 * failed (the no is then a missing result, which can-i-deploy's reason says).
 */
export async function failedInteractions(question: DeploymentQuestion): Promise<string[]> {
  const query = new URLSearchParams({
    'q[][pacticipant]': question.pacticipant,
    'q[][version]': question.version,
    latestby: 'cvpv',
    environment: question.environment,
  });
  const matrix = Matrix.parse(await get(question, `${question.baseUrl}/matrix?${query}`));
  const failed: string[] = [];
  for (const row of matrix.matrix) {
    if (row.verificationResult?.success !== false) continue;
    const result = VerificationResult.parse(
      await get(question, row.verificationResult._links.self.href),
    );
    for (const test of result.testResults ?? []) {
      if (test.success) continue;
      const how = (test.mismatches ?? []).map((m) => m.description).filter(Boolean);
      failed.push(
        `${row.consumer.name}: "${test.interactionDescription ?? 'an interaction'}" failed against ${result.providerApplicationVersion}${how.length > 0 ? ` (${how.join('; ')})` : ''}`,
      );
    }
  }
  return failed;
}

async function get(question: DeploymentQuestion, url: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: {
      accept: 'application/hal+json',
      ...(question.authorization === undefined ? {} : { authorization: question.authorization }),
    },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`the broker answered ${response.status} for ${url}`);
  return response.json();
}
