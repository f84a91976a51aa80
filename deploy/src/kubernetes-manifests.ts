import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Service } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

/** deploy/kubernetes: the base and the production overlay. */
export const KUBERNETES_DIR = fileURLToPath(new URL('../kubernetes/', import.meta.url));

/** A Kubernetes object as written: `apiVersion`, `kind`, and whatever else. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** One YAML document of a file under deploy/kubernetes. */
export interface ManifestDocument {
  /** The file, relative to deploy/kubernetes. */
  file: string;
  object: KubernetesObject;
}

interface Validating {
  validate(): void;
}

// The kinds deploy/ uses, each with kubernetes-models' validator generated from Kubernetes'
// OpenAPI definitions (1.27). A kind missing here is an error, never silently unchecked.
const MODELS: Record<string, (data: never) => Validating> = {
  'v1/ConfigMap': (data) => new ConfigMap(data),
  'v1/Namespace': (data) => new Namespace(data),
  'v1/Service': (data) => new Service(data),
  'apps/v1/Deployment': (data) => new Deployment(data),
  'policy/v1/PodDisruptionBudget': (data) => new PodDisruptionBudget(data),
  'autoscaling/v2/HorizontalPodAutoscaler': (data) => new HorizontalPodAutoscaler(data),
  'networking.k8s.io/v1/NetworkPolicy': (data) => new NetworkPolicy(data),
};

/** Kustomize's own files: not Kubernetes objects, checked by `kubectl kustomize` instead. */
const KUSTOMIZATION = 'kustomize.config.k8s.io/v1beta1/Kustomization';

/** Every YAML document of every `.yaml` file under `dir`, in path order. */
export function readManifests(dir: string = KUBERNETES_DIR): ManifestDocument[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml'))
    .sort();
  return files.flatMap((file) => parseManifests(readFileSync(join(dir, file), 'utf8'), file));
}

/**
 * The YAML documents of `text`; a syntax error throws, naming `file`.
 * @throws {Error} when the text is not YAML or a document is not an object with apiVersion and kind
 */
export function parseManifests(text: string, file: string): ManifestDocument[] {
  return parseAllDocuments(text).map((document, index) => {
    if (document.errors.length > 0) {
      throw new Error(`${file} document ${index + 1}: ${document.errors[0]?.message}`);
    }
    const object = document.toJS() as Partial<KubernetesObject> | null;
    if (typeof object?.apiVersion !== 'string' || typeof object.kind !== 'string') {
      throw new Error(`${file} document ${index + 1}: no apiVersion and kind`);
    }
    return { file, object: object as KubernetesObject };
  });
}

/** Why `object` does not validate against Kubernetes' schema for its kind; undefined when it does. */
export function schemaError(object: KubernetesObject): string | undefined {
  const key = `${object.apiVersion}/${object.kind}`;
  if (key === KUSTOMIZATION) return undefined;
  const model = MODELS[key];
  if (model === undefined) return `${key} is not a kind deploy/ validates`;
  try {
    model(object as never).validate();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** What `kubectl kustomize` did: its objects, or why it could not run. */
export type Rendered = { ok: true; objects: KubernetesObject[] } | { ok: false; reason: string };

/** Renders a kustomization with `kubectl kustomize` (Kustomize built into kubectl). */
export function renderKustomization(dir: string): Rendered {
  const run = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', timeout: 60_000 });
  if (run.error !== undefined) {
    return { ok: false, reason: `kubectl: ${run.error.message}` };
  }
  if (run.status !== 0) {
    return { ok: false, reason: run.stderr.trim() };
  }
  const objects = parseManifests(run.stdout, relative(KUBERNETES_DIR, dir)).map(
    (doc) => doc.object,
  );
  return { ok: true, objects };
}
