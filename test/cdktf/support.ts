/**
 * Helpers for the CDK for Terraform tests: synthesize an app or a stack once, read the Terraform
 * JSON it wrote, and look resources up by type and provider region.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';

/** Terraform JSON as cdktf writes it (`cdk.tf.json`). */
export type TfJson = {
  provider?: { aws?: Array<{ alias?: string; region?: string }> };
  resource?: Record<string, Record<string, any>>;
  data?: Record<string, Record<string, any>>;
  output?: Record<string, { value: unknown; description?: string }>;
};

/** A resource with its type and name. */
export interface TfResource {
  readonly type: string;
  readonly name: string;
  readonly body: any;
  /** The AWS region of the resource's provider (`aws.us-east-1` -> `us-east-1` via the provider block). */
  readonly region?: string;
}

/** The context of an example's cdktf.json. */
export function exampleContext(example: string): Record<string, unknown> {
  const file = path.join(__dirname, '..', '..', 'examples', example, 'cdktf.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).context;
}

/**
 * Synthesizes an example as `cdktf synth` would (the app's synth, validations on) into a temporary
 * directory and returns what `build` returned and each stack's `cdk.tf.json`.
 */
export function synthExample<T>(example: string, build: (app: App) => T): { built: T; stacks: Record<string, TfJson>; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `${example}-`));
  const app = new App({ outdir, context: exampleContext(example) });
  const built = build(app);
  app.synth();
  const stacksDir = path.join(outdir, 'stacks');
  const stacks: Record<string, TfJson> = {};
  for (const name of fs.readdirSync(stacksDir)) {
    stacks[name] = JSON.parse(fs.readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8'));
  }
  return { built, stacks, outdir };
}

/** Synthesizes one stack (validations on) and parses the JSON. */
export function synthStack(stack: TerraformStack): TfJson {
  return JSON.parse(Testing.synth(stack, true));
}

/** A fresh stack in a test app. */
export function newStack(id = 'stack'): TerraformStack {
  return new TerraformStack(Testing.app(), id);
}

/** The region of every aliased AWS provider, by `aws.<alias>` reference. */
export function providerRegions(json: TfJson): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of json.provider?.aws ?? []) {
    if (p.alias && p.region) out[`aws.${p.alias}`] = p.region;
  }
  return out;
}

/** Every resource (or data source) of a type, with its provider's region. */
export function resourcesOf(json: TfJson, type: string, kind: 'resource' | 'data' = 'resource'): TfResource[] {
  const regions = providerRegions(json);
  return Object.entries(json[kind]?.[type] ?? {}).map(([name, body]) => ({ type, name, body, region: regions[body.provider] }));
}

/** One container of a task definition, with environment and secrets as maps. */
export interface ContainerOf {
  readonly name: string;
  readonly region?: string;
  readonly container: any;
  readonly env: Record<string, string>;
  readonly secrets: Record<string, string>;
}

/** The single container of each task definition, with environment and secrets as maps. */
export function containers(json: TfJson): ContainerOf[] {
  return resourcesOf(json, 'aws_ecs_task_definition').map((td) => {
    const [container] = JSON.parse(td.body.container_definitions);
    return {
      name: td.name,
      region: td.region,
      container,
      env: Object.fromEntries(container.environment.map((e: any) => [e.name, e.value])),
      secrets: Object.fromEntries(container.secrets.map((e: any) => [e.name, e.valueFrom])),
    };
  });
}

/** The containers that run Temporal Workers (they carry TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE). */
export function workerContainers(json: TfJson) {
  return containers(json).filter((c) => 'TEMPORAL_ADDRESS' in c.env && 'TEMPORAL_NAMESPACE' in c.env);
}

/** The Terraform name a `${type.name.attr}` reference points to. */
export function referenced(expr: unknown, type: string): string | undefined {
  if (typeof expr !== 'string') return undefined;
  const m = new RegExp(`\\$\\{${type}\\.([A-Za-z0-9_-]+)[.\\[]`).exec(expr);
  return m?.[1];
}

/**
 * A value as Terraform plans it when every failover state parameter holds `live`: the renderer's state conditional
 * `${(data.aws_ssm_parameter.<reader>.insecure_value == "<region>") ? <a> : <b>}` picks `<a>` or `<b>` (a number, a string, or a reference,
 * written back as `${<reference>}`); any other value is returned as it is. test/cdktf/failover.test.ts also checks which reader it reads.
 */
export function underState(value: unknown, live: string): unknown {
  const m = typeof value === 'string' ? /^\$\{\(data\.aws_ssm_parameter\.[\w-]+\.insecure_value == "([a-z0-9-]+)"\) \? (.+) : (.+)\}$/.exec(value) : null;
  if (!m) return value;
  const branch = live === m[1] ? m[2] : m[3];
  return branch.startsWith('"') ? JSON.parse(branch) : /^-?\d+(\.\d+)?$/.test(branch) ? Number(branch) : `\${${branch}}`;
}

/** Captures the error a function throws (fails the test if it does not throw). */
export function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, but none was thrown');
}
