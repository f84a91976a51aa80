// biome-ignore-all lint/suspicious/noExplicitAny: the manifests are plain YAML read by path; their shape is what the schema test above checks.
/**
 * Contract: deploy/kubernetes is what a platform team applies, so every object in it validates
 * against Kubernetes' own schemas (kubernetes-models 4.5, generated from the API's OpenAPI
 * definitions), renders with `kubectl kustomize`, and agrees with the gateway's code: the probe
 * paths and port it serves, env names its schema reads (parsed by the gateway's own parseEnv),
 * a grace period longer than SHUTDOWN_DELAY_MS plus the drain bound, the image's non-root user,
 * and egress only to DNS and the upstream's port.
 *
 * kubernetes-models' schemas allow unknown fields (as `kubectl apply --validate=false` would):
 * a misspelt field is caught here only where an assertion below reads it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drainBoundMs, GatewayEnv, HEALTHZ_PATH, parseEnv, READYZ_PATH } from '@connectors/gateway';
import { describe, expect, it } from 'vitest';
import {
  KUBERNETES_DIR,
  type KubernetesObject,
  readManifests,
  renderKustomization,
  schemaError,
} from './kubernetes-manifests.ts';

const MANIFESTS = readManifests();
const KUBECTL = spawnSync('kubectl', ['version', '--client'], { timeout: 30_000 }).status === 0;
const KUSTOMIZATIONS = ['base', 'production'];
const IMAGE_SCRIPT = readFileSync(new URL('../image/build-image.sh', import.meta.url), 'utf8');

function only(objects: KubernetesObject[], kind: string): Record<string, any> {
  const found = objects.filter((object) => object.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as Record<string, any>;
}

const base = MANIFESTS.filter((doc) => doc.file.startsWith('base/')).map((doc) => doc.object);
const deployment = only(base, 'Deployment');
const pod = deployment.spec.template.spec;
const container = pod.containers[0];
const configMapData = only(base, 'ConfigMap').data as Record<string, string>;
const productionPatch = MANIFESTS.find(
  (doc) => doc.file.startsWith('production/') && doc.object.kind === 'ConfigMap',
)?.object as Record<string, any>;
const env = parseEnv(configMapData);

describe('deploy/kubernetes against Kubernetes schemas', () => {
  it('holds the base and the production overlay', () => {
    expect(new Set(MANIFESTS.map((doc) => doc.file.split('/')[0]))).toEqual(
      new Set(KUSTOMIZATIONS),
    );
    expect(MANIFESTS.map((doc) => doc.object.kind)).toEqual(
      expect.arrayContaining([
        'ConfigMap',
        'Deployment',
        'Service',
        'PodDisruptionBudget',
        'HorizontalPodAutoscaler',
        'NetworkPolicy',
      ]),
    );
  });

  it.each(MANIFESTS.map((doc) => [`${doc.file} ${doc.object.kind}`, doc.object] as const))(
    '%s validates',
    (_name, object) => {
      expect(schemaError(object)).toBeUndefined();
    },
  );

  it('refuses what Kubernetes would: a wrong type, a missing container name, an unchecked kind', () => {
    const grace = structuredClone(deployment);
    grace.spec.template.spec.terminationGracePeriodSeconds = '35s';
    expect(schemaError(grace as KubernetesObject)).toContain('terminationGracePeriodSeconds');
    const unnamed = structuredClone(deployment);
    delete unnamed.spec.template.spec.containers[0].name;
    expect(schemaError(unnamed as KubernetesObject)).toContain('name');
    expect(schemaError({ apiVersion: 'v1', kind: 'Secret' })).toBe(
      'v1/Secret is not a kind deploy/ validates',
    );
  });

  it.skipIf(!KUBECTL).each(KUSTOMIZATIONS)(
    `\`kubectl kustomize %s\` renders objects that validate${KUBECTL ? '' : ' (skipped: kubectl, which ships Kustomize, is not installed)'}`,
    (dir) => {
      const rendered = renderKustomization(join(KUBERNETES_DIR, dir));
      if (!rendered.ok) throw new Error(rendered.reason);
      expect(rendered.objects.length).toBeGreaterThanOrEqual(6);
      for (const object of rendered.objects)
        expect(schemaError(object), object.kind).toBeUndefined();
      // The selectors Kustomize completes select the Deployment's pods.
      const podLabels = only(rendered.objects, 'Deployment').spec.template.metadata.labels;
      const selects = (selector: Record<string, string>) =>
        Object.entries(selector).every(([key, value]) => podLabels[key] === value);
      expect(selects(only(rendered.objects, 'Service').spec.selector)).toBe(true);
      expect(selects(only(rendered.objects, 'PodDisruptionBudget').spec.selector.matchLabels)).toBe(
        true,
      );
      expect(selects(only(rendered.objects, 'NetworkPolicy').spec.podSelector.matchLabels)).toBe(
        true,
      );
    },
  );
});

describe('deploy/kubernetes against the gateway', () => {
  it('sets only variables the gateway reads, and values its own parseEnv accepts', () => {
    const known = Object.keys(GatewayEnv.shape);
    expect(Object.keys(configMapData).filter((name) => !known.includes(name))).toEqual([]);
    expect(Object.keys(productionPatch.data).filter((name) => !known.includes(name))).toEqual([]);
    expect(() => parseEnv({ ...configMapData, ...productionPatch.data })).not.toThrow();
    expect(env.NODE_ENV).toBe('production');
  });

  it('probes the paths the gateway serves, on the port it listens on', () => {
    const port = container.ports.find((p: { name: string }) => p.name === 'http');
    expect(port.containerPort).toBe(env.PORT);
    expect(container.readinessProbe.httpGet).toEqual({ path: READYZ_PATH, port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: HEALTHZ_PATH, port: 'http' });
    // Readiness fails within SHUTDOWN_DELAY_MS, so routing by readiness alone stops in time.
    const { periodSeconds, failureThreshold } = container.readinessProbe;
    expect(periodSeconds * failureThreshold * 1000).toBeLessThan(env.SHUTDOWN_DELAY_MS);
  });

  it('serves /metrics on METRICS_PORT, a port the Service does not route', () => {
    const metricsPort = container.ports.find((p: { name: string }) => p.name === 'metrics');
    expect(env.METRICS_PORT).toBeDefined();
    expect(metricsPort.containerPort).toBe(env.METRICS_PORT);
    const service = only(base, 'Service');
    expect(service.spec.ports.map((p: { targetPort: string }) => p.targetPort)).toEqual(['http']);
  });

  it('gives a grace period longer than the shutdown delay plus the drain bound', () => {
    const neededMs = env.SHUTDOWN_DELAY_MS + drainBoundMs(env);
    expect(neededMs).toBe(25_000);
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(neededMs);
  });

  it("runs as the image's non-root user, read-only, without privileges", () => {
    const uid = Number(/^GATEWAY_UID=(\d+)$/m.exec(IMAGE_SCRIPT)?.[1]);
    expect(uid).toBeGreaterThan(0);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: uid });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      privileged: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(/--config\.user "\$GATEWAY_UID:\$GATEWAY_UID"/.test(IMAGE_SCRIPT)).toBe(true);
  });

  it("allows egress to DNS and the upstream's port only", () => {
    const policy = only(base, 'NetworkPolicy');
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    const ports = policy.spec.egress.flatMap((rule: { ports: { port: number }[] }) =>
      rule.ports.map((p) => p.port),
    );
    const upstream = new URL(env.UPSTREAM_URL);
    expect(upstream.protocol).toBe('https:');
    expect(new Set(ports)).toEqual(new Set([53, 443]));
  });

  it("sizes the fleet's upstream bounds for one tenant's quota (docs/running.md#replicas)", () => {
    const { minReplicas, maxReplicas } = only(base, 'HorizontalPodAutoscaler').spec;
    // At the largest fleet, a slow Graph holds at most 96 requests (a quarter of 6 x 64).
    expect(maxReplicas * env.UPSTREAM_MAX_IN_FLIGHT).toBeLessThanOrEqual(96);
    expect(maxReplicas * env.UPSTREAM_MAX_QUEUE).toBeLessThanOrEqual(96);
    // At the smallest, calls of 0.5 s (Graph's slow healthy end) still carry a tenant's 60
    // writes a second.
    const TENANT_WRITES_PER_SECOND = 18_000 / 300;
    expect((minReplicas * env.UPSTREAM_MAX_IN_FLIGHT) / 0.5).toBeGreaterThan(
      TENANT_WRITES_PER_SECOND,
    );
  });

  it('keeps two replicas serving through a disruption, and scales the Deployment', () => {
    const autoscaler = only(base, 'HorizontalPodAutoscaler');
    const budget = only(base, 'PodDisruptionBudget');
    expect(autoscaler.spec.scaleTargetRef).toMatchObject({
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(autoscaler.spec.minReplicas - budget.spec.maxUnavailable).toBeGreaterThanOrEqual(2);
    expect(deployment.spec.replicas).toBeUndefined();
    expect(container.envFrom[0].configMapRef.name).toBe(only(base, 'ConfigMap').metadata.name);
  });
});
