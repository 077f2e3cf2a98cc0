/**
 * Engine adapters: a generated case (generators.ts, engine-neutral descriptors) becomes each engine's props and construct,
 * and each engine's synthesized output. One small adapter per engine; everything else is shared.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, CfnParameter, Intrinsic, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { TerraformDataSource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Case, CodeDesc, ConnectivityDesc, CredentialsDesc, Desc, isDesc, Kind, TokenDesc } from './generators';
import type { DeploymentPlan } from '../../lib/core';
import { CloudFormationStack } from '../parity/components';
import * as cdk from 'temporal-ha-constructs';
import * as tf from 'temporal-ha-constructs/cdktf';

export type EngineName = 'aws-cdk' | 'cdktf';
export const ENGINES: EngineName[] = ['aws-cdk', 'cdktf'];

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const CDK_CONTEXT = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'active-hot', 'cdk.json'), 'utf8')).context;
const SERVERLESS_CODE = path.join(EXAMPLES, 'serverless', 'worker');

/** What an engine turns a descriptor into. */
interface Objects {
  token(d: TokenDesc): unknown;
  image(ref: string): unknown;
  credentials(d: CredentialsDesc, str: (v: unknown) => string): unknown;
  connectivity(d: ConnectivityDesc): unknown;
  code(d: CodeDesc): unknown;
  zone(id: string, name: string): unknown;
}

/** Deep copy of a generated value with every descriptor replaced by the engine's object. */
function materialize(v: unknown, o: Objects): unknown {
  if (Array.isArray(v)) return v.map((x) => materialize(x, o));
  if (isDesc(v)) return object(v, o);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, materialize(x, o)]));
  return v;
}

function object(d: Desc, o: Objects): unknown {
  const str = (v: unknown) => materialize(v, o) as string;
  switch (d.$) {
    case 'token': return o.token(d);
    case 'image': return o.image(str(d.ref));
    case 'credentials': return o.credentials(d, str);
    case 'connectivity': return o.connectivity(d);
    case 'code': return o.code(d);
    case 'zone': return o.zone(d.id, d.name);
  }
}

type Routes = typeof cdk.CrossRegionRoute | typeof tf.CrossRegionRoute;
function connectivityOf(d: ConnectivityDesc, C: typeof cdk.Connectivity | typeof tf.Connectivity, R: Routes): unknown {
  if (d.path === 'public') return C.public();
  switch (d.route) {
    case 'vpcPeering': return C.privateLink({ crossRegionRoute: R.vpcPeering() });
    case 'none': return C.privateLink({ crossRegionRoute: R.none() });
    case 'native': return C.privateLink({ crossRegionRoute: R.nativeCrossRegionEndpoint() });
    case 'transitGateway': return C.privateLink({ crossRegionRoute: R.transitGateway(d.transitGatewayIds ?? {}) });
    default: return C.privateLink();
  }
}

function credentialsOf(d: CredentialsDesc, str: (v: unknown) => string, T: typeof cdk.TemporalCredentials | typeof tf.TemporalCredentials): unknown {
  return d.method === 'apiKey'
    ? T.apiKeyFromSecretName(str(d.secret), d.field !== undefined ? { field: d.field } : {})
    : T.mtlsFromSecretNames({ certificateSecretName: str(d.secret), privateKeySecretName: str(d.keySecret) });
}

/** One built construct: its plan and a way to synthesize the whole app (JSON text per stack, in a stable order). */
export interface Built {
  readonly plan: DeploymentPlan;
  synth(): Synthesized;
}

/** An engine's synthesized output. */
export type Synthesized =
  | { readonly engine: 'aws-cdk'; readonly stacks: Array<CloudFormationStack & { readonly region: string }> }
  | { readonly engine: 'cdktf'; readonly tf: Record<string, any>; readonly text: string; readonly addresses: string[] };

/** Builds a case's construct in a fresh app of the engine (throws what the construct throws). */
export function build(engine: EngineName, c: Case): Built {
  return engine === 'aws-cdk' ? buildCdk(c) : buildTf(c);
}

/** A case's props in the engine's terms, and the scope to build it in. */
export function propsFor(engine: EngineName, c: Case): { scope: any; props: any } {
  return engine === 'aws-cdk' ? cdkProps(c) : tfProps(c);
}

function cdkProps(c: Case): { scope: App; props: any } {
  const app = new App({ context: CDK_CONTEXT });
  let params: Stack | undefined;
  let n = 0;
  const ids = new Map<string, number>();
  const paramsStack = () => (params ??= new Stack(app, 'Params', { env: { region: 'us-east-1' } }));
  const objects: Objects = {
    token: (d) => {
      if (d.via === 'parameter') {
        const p = new CfnParameter(paramsStack(), stableId(ids, 'P', d.value), { type: typeof d.value === 'number' ? 'Number' : 'String', default: d.value });
        return typeof d.value === 'number' ? p.valueAsNumber : p.valueAsString;
      }
      return typeof d.value === 'number' ? Token.asNumber(new Intrinsic(d.value)) : Token.asString(new Intrinsic(d.value));
    },
    image: (ref) => ecs.ContainerImage.fromRegistry(ref),
    credentials: (d, str) => {
      // A secret given by ARN: the AWS CDK's imported-secret factories (apiKey(secret), mtls({ certificate, privateKey })).
      // (Only complete ARNs: aws-cdk-lib itself refuses others before the library sees them; those go by name and meet the library's rule.)
      const arns = [d.secret, d.keySecret].map((x) => (typeof x === 'string' && /^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+-[A-Za-z0-9]{6}$/.test(x) ? x : undefined));
      if (!arns.some(Boolean)) return credentialsOf(d, str, cdk.TemporalCredentials);
      const secret = (x: unknown, arn?: string) => (arn ? secretsmanager.Secret.fromSecretCompleteArn(paramsStack(), `Secret${n++}`, arn)
        : secretsmanager.Secret.fromSecretNameV2(paramsStack(), `Secret${n++}`, str(x)));
      return d.method === 'apiKey'
        ? cdk.TemporalCredentials.apiKey(secret(d.secret, arns[0]), d.field !== undefined ? { field: d.field } : {})
        : cdk.TemporalCredentials.mtls({ certificate: secret(d.secret, arns[0]), privateKey: secret(d.keySecret, arns[1]) });
    },
    connectivity: (d) => connectivityOf(d, cdk.Connectivity, cdk.CrossRegionRoute),
    code: () => SERVERLESS_CODE,
    zone: (id, name) => route53.HostedZone.fromHostedZoneAttributes(paramsStack(), `Zone${n++}`, { hostedZoneId: id, zoneName: name }),
  };
  const props = materialize(c.props, objects) as any;
  if (props?.serverlessWorkers?.code !== undefined) {
    const { code, ...rest } = props.serverlessWorkers;
    props.serverlessWorkers = { ...rest, codePath: code };
  }
  return { scope: app, props };
}

function buildCdk(c: Case): Built {
  const { scope: app, props } = cdkProps(c);
  const construct = new (cdk[c.kind as Kind] as any)(app, c.id, props) as { _plan: DeploymentPlan };
  return {
    plan: construct._plan,
    synth: () => ({
      engine: 'aws-cdk',
      stacks: app.node.findAll().filter((x): x is Stack => Stack.isStack(x))
        .map((s) => ({ stackName: s.stackName, region: s.region, template: Template.fromStack(s).toJSON() })),
    }),
  };
}

function tfProps(c: Case): { scope: TerraformStack; props: any } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  const ids = new Map<string, number>();
  const objects: Objects = {
    token: (d) => {
      const v = new TerraformVariable(stack, stableId(ids, 'v', d.value), { type: typeof d.value === 'number' ? 'number' : 'string', default: d.value });
      return typeof d.value === 'number' ? v.numberValue : v.stringValue;
    },
    image: (ref) => ref,
    credentials: (d, str) => credentialsOf(d, str, tf.TemporalCredentials),
    connectivity: (d) => connectivityOf(d, tf.Connectivity, tf.CrossRegionRoute),
    code: (d) => Object.fromEntries(d.regions.map((r) => [r, tf.ServerlessWorkerCode.fromS3(`acme-artifacts-${r}`, 'orders/orders.zip')])),
    zone: (id) => id,
  };
  const props = materialize(c.props, objects) as any;
  if (props?.codecServer?.hostedZone !== undefined) {
    const { hostedZone, ...rest } = props.codecServer;
    props.codecServer = { ...rest, hostedZoneId: hostedZone };
  }
  return { scope: stack, props };
}

function buildTf(c: Case): Built {
  const { scope: stack, props } = tfProps(c);
  const construct = new (tf[c.kind as Kind] as any)(stack, c.id, props) as { _plan: DeploymentPlan };
  return {
    plan: construct._plan,
    synth: () => {
      const text = Testing.synth(stack, true);
      // Every resource and data source's Terraform address (duplicates would be merged away in the JSON).
      const addresses = stack.node.findAll().map((x) => x as any).filter((x) => typeof x.terraformResourceType === 'string' && typeof x.friendlyUniqueId === 'string')
        .map((x) => `${x instanceof TerraformDataSource ? 'data.' : ''}${x.terraformResourceType}.${x.friendlyUniqueId}`);
      return { engine: 'cdktf', tf: JSON.parse(text), text, addresses };
    },
  };
}

/** A synthesized output as one text (byte comparison). */
export function textOf(s: Synthesized): string {
  return s.engine === 'cdktf' ? s.text : JSON.stringify(s.stacks);
}

/**
 * A token's construct id from its value, not from when it was made: the determinism check rebuilds the props with environment keys in
 * reverse order, and positional ids would rename the parameters (a difference of the test's objects, not of the library's output).
 */
function stableId(ids: Map<string, number>, prefix: string, value: unknown): string {
  const key = `${prefix}_${String(value).replace(/[^A-Za-z0-9]/g, '_').slice(0, 40)}`;
  const k = ids.get(key) ?? 0;
  ids.set(key, k + 1);
  return k === 0 ? key : `${key}_${k}`;
}
