/**
 * Settings parity. For every scenario (test/parity/scenarios.ts), the settings read from the
 * Terraform JSON and from the CloudFormation of the AWS CDK construct given the same description
 * equal the settings lib/core resolved into the plan, kind by kind, and equal each other; the other
 * AWS CDK examples' CloudFormation equals their own plans. Then, for every kind, deliberately broken
 * renderings in each engine fail the comparison. One synthesis per scenario per engine (and per
 * example), shared by every assertion of this file.
 */
import { App } from 'aws-cdk-lib';
import { cdkApp, CDK_SCENARIOS, templatesOf } from './cdk-scenarios';
import { CERT, SCENARIOS } from './scenarios';
import {
  SETTING_KINDS, SettingSet, settingsFromCloudFormation, settingsFromPlan, settingsFromTerraform,
} from './settings';
import { build as buildCdkActiveActive } from '../../examples/active-active/main';
import { build as buildCdkCold } from '../../examples/active-cold/main';
import { build as buildCdkSharded } from '../../examples/regionally-sharded/main';
import { build as buildCdkServerless } from '../../examples/serverless/main';
import { aliasNameFor, DeploymentPlan, SERVERLESS_DEFAULTS } from '../../lib/core';
import { synthStack, TfJson } from '../cdktf/support';

type Templates = ReturnType<typeof templatesOf>;

interface Synthesized {
  readonly name: string;
  /** The plan of the CDK for Terraform construct. */
  readonly plan: DeploymentPlan;
  readonly tf: TfJson;
  /** The plan of the AWS CDK construct given the same description. */
  readonly cfnPlan: DeploymentPlan;
  /** Every stack of the AWS CDK app, by region. */
  readonly cfn: Templates;
}

const synthesized: Synthesized[] = SCENARIOS.map((scenario, i) => {
  const deployment = scenario.build();
  const app = cdkApp();
  const built = CDK_SCENARIOS[i](app);
  return { name: scenario.name, plan: deployment._plan, tf: synthStack(deployment.stack), cfnPlan: built._plan, cfn: templatesOf(app) };
});

describe.each(synthesized)('$name', ({ plan, tf, cfnPlan, cfn }) => {
  const planned = settingsFromPlan(plan);
  const fromTerraform = settingsFromTerraform(tf);
  const fromCloudFormation = settingsFromCloudFormation(cfn);

  test('both engines planned the same settings from the same description', () => {
    expect(settingsFromPlan(cfnPlan)).toEqual(planned);
  });

  test.each(SETTING_KINDS)('%s: the Terraform JSON writes what the plan resolved', (kind) => {
    expect(fromTerraform[kind]).toEqual(planned[kind]);
  });

  test.each(SETTING_KINDS)('%s: the CloudFormation writes what the plan resolved', (kind) => {
    expect(fromCloudFormation[kind]).toEqual(settingsFromPlan(cfnPlan)[kind]);
  });

  test.each(SETTING_KINDS)('%s: the CloudFormation and the Terraform JSON write the same', (kind) => {
    expect(fromCloudFormation[kind]).toEqual(fromTerraform[kind]);
  });
});

/**
 * The other AWS CDK examples (their own descriptions: a cold proxy with failover DNS, non-default
 * capacities, extra environment, serverless Workers without PrivateLink): the CloudFormation writes
 * what their plan resolved.
 */
const CDK_EXAMPLES: Array<[string, (app: App) => { readonly _plan: DeploymentPlan }]> = [
  ['active-cold', buildCdkCold],
  ['active-active', buildCdkActiveActive],
  ['regionally-sharded', buildCdkSharded],
  ['serverless', buildCdkServerless],
];

describe.each(CDK_EXAMPLES)('AWS CDK examples/%s', (name, build) => {
  const app = cdkApp(name);
  const planned = settingsFromPlan(build(app)._plan);
  const fromCloudFormation = settingsFromCloudFormation(templatesOf(app));

  test.each(SETTING_KINDS)('%s: the CloudFormation writes what the plan resolved', (kind) => {
    expect(fromCloudFormation[kind]).toEqual(planned[kind]);
  });
});

describe('the scenarios exercise every kind of setting', () => {
  const all = synthesized.map((s) => settingsFromPlan(s.plan));
  const lines = (kind: keyof SettingSet) => all.flatMap((s) => s[kind]);

  test.each(SETTING_KINDS)('%s: some scenario has them', (kind) => {
    expect(lines(kind).length).toBeGreaterThan(0);
  });

  test('a cold standby service, a hot standby fleet, a proxy, secrets of both credential kinds and a codec server CORS origin', () => {
    expect(lines('services')).toEqual(expect.arrayContaining([
      // Cold-capable services follow the failover state: `<while active>/<on standby>` (an autoscaled fleet's count while active is autoscaling's).
      'us-west-2 worker payments.a1b2c cpu=512 memory=1024 arch=X86_64 desired=auto/0 min=2/0 max=10/0 targetCpu=60 cooldown=60/300 logs=30 stop=120',
      'us-west-2 codec cpu=256 memory=512 arch=X86_64 desired=2/0 scaling=none logs=30',
      'us-west-2 worker orders.a1b2c cpu=512 memory=1024 arch=X86_64 desired=2 min=2 max=20 targetCpu=60 cooldown=60/300 logs=30 stop=120',
      'us-east-1 worker billing-west.a1b2c cpu=512 memory=1024 arch=X86_64 desired=auto/0 min=3/0 max=10/0 targetCpu=60 cooldown=60/300 logs=30 stop=120',
      // The Hot shard's standby keeps standbyMinCapacity tasks; stop timeout and health check as given.
      'us-west-2 worker billing-east.a1b2c cpu=512 memory=1024 arch=X86_64 desired=4 min=4 max=10 targetCpu=60 cooldown=60/300 logs=30 stop=90 health=["CMD","/bin/healthcheck"]/30/5/2/0',
      'us-east-1 worker billing-east.a1b2c cpu=512 memory=1024 arch=X86_64 desired=2 min=2 max=10 targetCpu=60 cooldown=60/300 logs=30 stop=90 health=["CMD","/bin/healthcheck"]/30/5/2/0',
      'us-east-2 proxy cpu=256 memory=512 arch=X86_64 desired=2 scaling=none logs=30',
    ]));
    expect(lines('environment')).toEqual(expect.arrayContaining([
      'us-east-1 worker shipping.a1b2c env TEMPORAL_ADDRESS=<proxy us-east-1>:7233',
      'us-east-1 worker shipping.a1b2c env CODEC_SERVER_URL=https://<codec us-east-1>',
      'us-east-1 worker shipping.a1b2c secret TEMPORAL_API_KEY',
      'us-west-2 worker payments.a1b2c secret TEMPORAL_TLS_CLIENT_CERT_DATA',
      'us-west-2 worker payments.a1b2c secret TEMPORAL_TLS_CLIENT_KEY_DATA',
      'us-east-1 codec env CORS_ALLOWED_ORIGINS=https://cloud.temporal.io',
      'us-east-1 proxy env TEMPORAL_PROXY_UPSTREAM=shipping.a1b2c.tmprl.cloud:7233',
      'eu-west-1 function notify.a1b2c secret TEMPORAL_API_KEY',
    ]));
  });

  test('failover records and their health alarms: TTL, insufficient-data status, thresholds', () => {
    expect(lines('failoverRecords')).toContain('codec.paymentscold.temporal.internal SECONDARY -> <codec us-west-2> CNAME ttl=30 check=CLOUDWATCH_METRIC'
      + ' insufficientData=Unhealthy alarm=temporal-paymentscold-codec-us-west-2-no-healthy-targets@us-west-2');
    expect(lines('healthAlarms')).toContain('proxy us-east-1 temporal-shipping-proxy-us-east-1-no-healthy-targets on=<proxy us-east-1> AWS/NetworkELB'
      + ' HealthyHostCount Minimum period=60 evaluationPeriods=2 datapoints=2 threshold=1 LessThanThreshold missing=breaching');
    expect(lines('zoneRecords')).toContain('us-east-2 region.tmprl.cloud aws-us-west-2.region.tmprl.cloud CNAME ttl=60');
  });

  test('serverless functions: the plan resolves SERVERLESS_DEFAULTS for a function given no options', () => {
    const serverless = synthesized[4];
    expect(serverless.plan.regions.flatMap((r) => r.functions)).toHaveLength(2);
    // The scenario sets no function option: whatever the plan holds must be the defaults.
    const d = SERVERLESS_DEFAULTS;
    const expected = (region: string) => `${region} function notify.a1b2c runtime=${d.runtime} memory=${d.memorySize} timeout=${d.timeoutSeconds}`
      + ` arch=x86_64 handler=${d.handler} logs=${d.logRetentionDays} alias=${aliasNameFor('notify-2026.11.3')}`;
    expect(settingsFromPlan(serverless.plan).functions).toEqual([expected('eu-central-1'), expected('eu-west-1')]);
  });
});

// ---------------------------------------------------------------------------------------------
// Deliberately broken renderings
// ---------------------------------------------------------------------------------------------

type Mutation<Output> = (output: Output) => void;

/** A copy of an engine's output with one change, as a broken renderer would have written it. */
function broken<Output>(output: Output, change: Mutation<Output>): Output {
  const copy = JSON.parse(JSON.stringify(output));
  change(copy);
  return copy;
}

// --- Terraform JSON ---------------------------------------------------------------------------

/** Every resource body of a type that matches. */
const tfAll = (j: any, type: string, where: (b: any) => boolean = () => true): any[] => Object.values<any>(j.resource[type] ?? {}).filter(where);
/** The first resource body of a type that matches (fails the test when there is none). */
function tfFirst(j: any, type: string, where: (b: any) => boolean = () => true): any {
  const found = tfAll(j, type, where)[0];
  if (!found) throw new Error(`no ${type} to break`);
  return found;
}
/** Changes the container of the first task definition whose container matches. */
function tfContainer(j: any, where: (c: any) => boolean, change: (c: any) => void): void {
  const td = tfFirst(j, 'aws_ecs_task_definition', (b) => where(JSON.parse(b.container_definitions)[0]));
  const containers = JSON.parse(td.container_definitions);
  change(containers[0]);
  td.container_definitions = JSON.stringify(containers);
}
const tfEnv = (c: any, name: string) => c.environment.find((e: any) => e.name === name);
const isWorker = (c: any) => c.environment.some((e: any) => e.name === 'TEMPORAL_NAMESPACE');
const tfIsCodec = (c: any) => c.environment.some((e: any) => e.name === 'CORS_ALLOWED_ORIGINS');
/** A resource of a kind whose tags say it belongs to the codec server or the proxy. */
const tfOf = (component: string) => (b: any) => b.tags?.TemporalComponent === component;
/** A failover health alarm, or a capacity alarm (both are CloudWatch alarms). */
const tfHealthAlarm = (b: any) => b.metric_name === 'HealthyHostCount';
const tfCapacityAlarm = (b: any) => b.metric_name === 'RunningTaskCount';

const [HOT, COLD, AA, SHARDED, SERVERLESS] = synthesized;

const TERRAFORM_BREAKS: Array<[string, Synthesized, Mutation<any>, keyof SettingSet]> = [
  // Failover records and health checks
  ['a failover record TTL of 60 s', AA, (j) => { tfFirst(j, 'aws_route53_record', (b) => b.failover_routing_policy).ttl = 60; }, 'failoverRecords'],
  ['LastKnownStatus while the alarm has insufficient data', COLD, (j) => {
    tfFirst(j, 'aws_route53_health_check', (b) => b.type === 'CLOUDWATCH_METRIC').insufficient_data_health_status = 'LastKnownStatus';
  }, 'failoverRecords'],
  ['no insufficient-data status (Route 53 default)', AA, (j) => {
    delete tfFirst(j, 'aws_route53_health_check', (b) => b.type === 'CLOUDWATCH_METRIC').insufficient_data_health_status;
  }, 'failoverRecords'],
  ['a failover gate that never closes', COLD, (j) => {
    const gate = tfFirst(j, 'aws_route53_health_check', (b) => b.type === 'CALCULATED');
    gate.child_health_threshold = String(gate.child_health_threshold).replace(/: 2\}$/, ': 1}');
  }, 'failoverRecords'],
  ['a health check reading the alarm in the other region', COLD, (j) => {
    tfFirst(j, 'aws_route53_health_check', (b) => b.cloudwatch_alarm_region === 'us-west-2').cloudwatch_alarm_region = 'us-east-1';
  }, 'failoverRecords'],
  // Health alarms
  ['an alarm threshold of 2', AA, (j) => { tfFirst(j, 'aws_cloudwatch_metric_alarm', tfHealthAlarm).threshold = 2; }, 'healthAlarms'],
  ['an alarm over 5 evaluation periods', COLD, (j) => { tfFirst(j, 'aws_cloudwatch_metric_alarm', tfHealthAlarm).evaluation_periods = 5; }, 'healthAlarms'],
  ['an alarm period of 300 s', AA, (j) => { tfFirst(j, 'aws_cloudwatch_metric_alarm', tfHealthAlarm).period = 300; }, 'healthAlarms'],
  ['an alarm comparing LessThanOrEqualToThreshold', COLD, (j) => { tfFirst(j, 'aws_cloudwatch_metric_alarm', tfHealthAlarm).comparison_operator = 'LessThanOrEqualToThreshold'; }, 'healthAlarms'],
  ['missing data treated as notBreaching', AA, (j) => { tfFirst(j, 'aws_cloudwatch_metric_alarm', tfHealthAlarm).treat_missing_data = 'notBreaching'; }, 'healthAlarms'],
  ['the codec alarm watching the proxy load balancer', AA, (j) => {
    const proxyLb = Object.keys(j.resource.aws_lb).find((n) => j.resource.aws_lb[n].load_balancer_type === 'network' && j.resource.aws_lb[n].provider === 'aws.us-east-1');
    tfFirst(j, 'aws_cloudwatch_metric_alarm', (b) => b.namespace === 'AWS/ApplicationELB' && b.provider === 'aws.us-east-1').dimensions.LoadBalancer = `\${aws_lb.${proxyLb}.arn_suffix}`;
  }, 'healthAlarms'],
  // Capacity alarms
  ['a capacity alarm threshold of 1', COLD, (j) => { tfFirst(j, 'aws_cloudwatch_metric_alarm', tfCapacityAlarm).threshold = 1; }, 'capacityAlarms'],
  ['a capacity alarm on the Average', AA, (j) => { tfFirst(j, 'aws_cloudwatch_metric_alarm', tfCapacityAlarm).statistic = 'Average'; }, 'capacityAlarms'],
  ['a capacity alarm without its service dimension', HOT, (j) => { delete tfFirst(j, 'aws_cloudwatch_metric_alarm', tfCapacityAlarm).dimensions.ServiceName; }, 'capacityAlarms'],
  // Private zone records
  ['a private zone record TTL of 300 s', HOT, (j) => { tfFirst(j, 'aws_route53_record', (b) => /region\.tmprl\.cloud$/.test(b.name)).ttl = 300; }, 'zoneRecords'],
  // Serverless functions
  ['a Lambda runtime of nodejs22.x', SERVERLESS, (j) => { tfFirst(j, 'aws_lambda_function').runtime = 'nodejs22.x'; }, 'functions'],
  ['a Lambda memory of 512 MiB', SERVERLESS, (j) => { tfFirst(j, 'aws_lambda_function').memory_size = 512; }, 'functions'],
  ['a Lambda timeout of 900 s', SERVERLESS, (j) => { tfFirst(j, 'aws_lambda_function').timeout = 900; }, 'functions'],
  ['a Lambda on arm64', SERVERLESS, (j) => { tfFirst(j, 'aws_lambda_function').architectures = ['arm64']; }, 'functions'],
  ['a Lambda log retention of 7 days', SERVERLESS, (j) => { tfFirst(j, 'aws_cloudwatch_log_group', (b) => /^\/aws\/lambda\//.test(b.name ?? '')).retention_in_days = 7; }, 'functions'],
  ['a Lambda alias not named after the Build ID', SERVERLESS, (j) => { tfFirst(j, 'aws_lambda_alias').name = 'live'; }, 'functions'],
  // Fargate services
  ['a worker CPU of 1024', HOT, (j) => { tfFirst(j, 'aws_ecs_task_definition', (b) => b.tags?.TemporalFleet).cpu = '1024'; }, 'services'],
  ['a worker memory of 2048 MiB', COLD, (j) => { tfFirst(j, 'aws_ecs_task_definition', (b) => b.tags?.TemporalFleet).memory = '2048'; }, 'services'],
  ['a worker image for ARM64', SHARDED, (j) => { tfFirst(j, 'aws_ecs_task_definition').runtime_platform.cpu_architecture = 'ARM64'; }, 'services'],
  ['a desired count of 3 for a fleet planned at 2', SHARDED, (j) => { tfFirst(j, 'aws_ecs_service', (b) => b.desired_count === 2).desired_count = 3; }, 'services'],
  ['an autoscaling maximum of 20', COLD, (j) => { tfFirst(j, 'aws_appautoscaling_target').max_capacity = 20; }, 'services'],
  ['an autoscaling minimum of 1 for a fleet planned at 4', SHARDED, (j) => { tfFirst(j, 'aws_appautoscaling_target', (b) => b.min_capacity === 4).min_capacity = 1; }, 'services'],
  ['a cold fleet that keeps 1 task on standby', SHARDED, (j) => {
    const target = tfFirst(j, 'aws_appautoscaling_target', (b) => String(b.min_capacity).endsWith(': 0}'));
    target.min_capacity = target.min_capacity.replace(/: 0\}$/, ': 1}');
  }, 'services'],
  ['a target CPU of 75 %', AA, (j) => { tfFirst(j, 'aws_appautoscaling_policy').target_tracking_scaling_policy_configuration.target_value = 75; }, 'services'],
  ['a scale-in cooldown of 60 s', HOT, (j) => { tfFirst(j, 'aws_appautoscaling_policy').target_tracking_scaling_policy_configuration.scale_in_cooldown = 60; }, 'services'],
  ['a worker log retention of 7 days', SHARDED, (j) => { tfFirst(j, 'aws_cloudwatch_log_group', (b) => b.tags?.TemporalFleet).retention_in_days = 7; }, 'services'],
  ['a stop timeout of 30 s for a fleet planned at 120', HOT, (j) => { tfContainer(j, isWorker, (c) => { c.stopTimeout = 30; }); }, 'services'],
  ['a health check nobody planned', HOT, (j) => { tfContainer(j, isWorker, (c) => { c.healthCheck = { command: ['CMD', 'true'], interval: 30, timeout: 5, retries: 3, startPeriod: 0 }; }); }, 'services'],
  ['a health check with 3 retries for one planned with 2', SHARDED, (j) => { tfContainer(j, (c) => c.healthCheck !== undefined, (c) => { c.healthCheck.retries = 3; }); }, 'services'],
  ['a codec server desired count of 1', AA, (j) => { tfFirst(j, 'aws_ecs_service', tfOf('codec')).desired_count = 1; }, 'services'],
  ['a running codec server in the cold region', COLD, (j) => {
    const codec = tfFirst(j, 'aws_ecs_service', (b) => tfOf('codec')(b) && String(b.desired_count).endsWith(': 0}'));
    codec.desired_count = codec.desired_count.replace(/: 0\}$/, ': 2}');
  }, 'services'],
  ['a proxy CPU of 512', AA, (j) => { tfFirst(j, 'aws_ecs_task_definition', tfOf('proxy')).cpu = '512'; }, 'services'],
  // Container environment
  ['another TASK_QUEUE', HOT, (j) => { tfContainer(j, isWorker, (c) => { tfEnv(c, 'TASK_QUEUE').value = 'orders-v2'; }); }, 'environment'],
  ['TEMPORAL_TLS=true written (TLS off for @temporalio/envconfig before 1.24)', SHARDED, (j) => { tfContainer(j, isWorker, (c) => { c.environment.push({ name: 'TEMPORAL_TLS', value: 'true' }); }); }, 'environment'],
  ['an extra variable nobody planned', COLD, (j) => { tfContainer(j, isWorker, (c) => { c.environment.push({ name: 'DEBUG', value: '1' }); }); }, 'environment'],
  ['variables written unsorted', HOT, (j) => { tfContainer(j, isWorker, (c) => { c.environment.reverse(); }); }, 'environment'],
  ['the API key under another variable name', AA, (j) => { tfContainer(j, isWorker, (c) => { c.secrets[0].name = 'TEMPORAL_APIKEY'; }); }, 'environment'],
  ['the client key secret dropped', COLD, (j) => { tfContainer(j, isWorker, (c) => { c.secrets = c.secrets.slice(0, 1); }); }, 'environment'],
  ['a worker dialing another region\'s proxy', AA, (j) => {
    const westProxy = Object.keys(j.resource.aws_lb).find((n) => j.resource.aws_lb[n].load_balancer_type === 'network' && j.resource.aws_lb[n].provider === 'aws.us-west-2');
    tfContainer(j, (c) => isWorker(c) && /us-east-1_Proxy/.test(tfEnv(c, 'TEMPORAL_ADDRESS').value), (c) => { tfEnv(c, 'TEMPORAL_ADDRESS').value = `\${aws_lb.${westProxy}.dns_name}:7233`; });
  }, 'environment'],
  ['a worker codec URL over http', HOT, (j) => { tfContainer(j, isWorker, (c) => { tfEnv(c, 'CODEC_SERVER_URL').value = tfEnv(c, 'CODEC_SERVER_URL').value.replace('https:', 'http:'); }); }, 'environment'],
  ['a CORS origin of another Web UI', COLD, (j) => { tfContainer(j, tfIsCodec, (c) => { tfEnv(c, 'CORS_ALLOWED_ORIGINS').value = 'https://web.example.com'; }); }, 'environment'],
  ['a codec PORT of 9090', AA, (j) => { tfContainer(j, tfIsCodec, (c) => { tfEnv(c, 'PORT').value = '9090'; }); }, 'environment'],
  ['a proxy listening on 7234', AA, (j) => { tfContainer(j, (c) => c.name === 'proxy', (c) => { tfEnv(c, 'TEMPORAL_PROXY_LISTEN_PORT').value = '7234'; }); }, 'environment'],
  ['a function without its Build ID variable', SERVERLESS, (j) => { delete tfFirst(j, 'aws_lambda_function').environment.variables.TEMPORAL_LAMBDA_BUILD_ID; }, 'environment'],
  ['a function API key given in plain text', SERVERLESS, (j) => {
    const vars = tfFirst(j, 'aws_lambda_function').environment.variables;
    delete vars.TEMPORAL_API_KEY_SECRET_ARN;
    vars.TEMPORAL_API_KEY = 'not-a-secret';
  }, 'environment'],
  // Load balancers, ports and health checks
  ['a codec container port of 9090', HOT, (j) => { tfContainer(j, tfIsCodec, (c) => { c.portMappings[0].containerPort = 9090; }); }, 'loadBalancers'],
  ['a codec target group on 9090', COLD, (j) => { tfFirst(j, 'aws_lb_target_group', tfOf('codec')).port = 9090; }, 'loadBalancers'],
  ['a codec listener on 8443', AA, (j) => { tfFirst(j, 'aws_lb_listener', tfOf('codec')).port = 8443; }, 'loadBalancers'],
  ['a health check path of /', HOT, (j) => { tfFirst(j, 'aws_lb_target_group', tfOf('codec')).health_check.path = '/'; }, 'loadBalancers'],
  ['an older TLS policy', COLD, (j) => { tfFirst(j, 'aws_lb_listener', tfOf('codec')).ssl_policy = 'ELBSecurityPolicy-2016-08'; }, 'loadBalancers'],
  ['the certificate of another region', AA, (j) => {
    tfFirst(j, 'aws_lb_listener', (b) => tfOf('codec')(b) && b.provider === 'aws.us-east-2').certificate_arn = CERT('us-east-1', 5);
  }, 'loadBalancers'],
  ['an internet-facing codec server', HOT, (j) => { tfFirst(j, 'aws_lb', tfOf('codec')).internal = false; }, 'loadBalancers'],
  ['a codec server open to any address', COLD, (j) => {
    tfFirst(j, 'aws_vpc_security_group_ingress_rule', (b) => b.from_port === 443).cidr_ipv4 = '0.0.0.0/0';
  }, 'loadBalancers'],
  ['a codec deregistration delay of 300 s', AA, (j) => { tfFirst(j, 'aws_lb_target_group', tfOf('codec')).deregistration_delay = '300'; }, 'loadBalancers'],
  ['a proxy listener on 443', AA, (j) => { tfFirst(j, 'aws_lb_listener', tfOf('proxy')).port = 443; }, 'loadBalancers'],
  ['an internet-facing proxy', AA, (j) => { tfFirst(j, 'aws_lb', tfOf('proxy')).internal = false; }, 'loadBalancers'],
  // AWS service endpoints (no internet egress)
  ['the ECR endpoint without private DNS', SHARDED, (j) => { tfFirst(j, 'aws_vpc_endpoint', (b) => /\.ecr\.api$/.test(b.service_name)).private_dns_enabled = false; }, 'serviceEndpoints'],
  // The hardened profile (off in these scenarios: every engine must leave it off)
  ['a deletion-protected proxy load balancer', AA, (j) => { tfFirst(j, 'aws_lb', tfOf('proxy')).enable_deletion_protection = true; }, 'hardening'],
  ['a log group on a KMS key', COLD, (j) => { tfFirst(j, 'aws_cloudwatch_log_group').kms_key_id = '${aws_kms_key.extra.arn}'; }, 'hardening'],
];

describe('a deliberately broken Terraform rendering fails settings parity', () => {
  test.each(TERRAFORM_BREAKS)('%s', (_what, scenario, change, kind) => {
    const planned = settingsFromPlan(scenario.plan)[kind];
    const original = settingsFromTerraform(scenario.tf)[kind];
    const rendered = settingsFromTerraform(broken(scenario.tf, change))[kind];
    expect(rendered).not.toEqual(original);
    expect(rendered).not.toEqual(planned);
  });

  test('every kind of setting has broken renderings', () => {
    expect(new Set(TERRAFORM_BREAKS.map(([, , , kind]) => kind))).toEqual(new Set(SETTING_KINDS));
  });
});

// --- CloudFormation ---------------------------------------------------------------------------

/** Every resource's properties of a type that match, across every stack and region. */
const cfnAll = (t: Templates, type: string, where: (p: any, r: { region: string; stackName: string }) => boolean = () => true): any[] =>
  Object.entries(t).flatMap(([region, stacks]) => stacks.flatMap((s) => Object.values<any>(s.template.Resources ?? {})
    .filter((r) => r.Type === type && where(r.Properties ?? {}, { region, stackName: s.stackName })).map((r) => r.Properties)));
/** The first resource's properties of a type that match (fails the test when there is none). */
function cfnFirst(t: Templates, type: string, where: (p: any, r: { region: string; stackName: string }) => boolean = () => true): any {
  const found = cfnAll(t, type, where)[0];
  if (!found) throw new Error(`no ${type} to break`);
  return found;
}
/** The container of the first task definition whose container matches. */
const cfnContainer = (t: Templates, where: (c: any) => boolean, region?: string): any =>
  cfnFirst(t, 'AWS::ECS::TaskDefinition', (p, r) => where(p.ContainerDefinitions[0]) && (region === undefined || r.region === region)).ContainerDefinitions[0];
const cfnEnv = (c: any, name: string) => c.Environment.find((e: any) => e.Name === name);
const cfnIsWorker = (c: any) => c.Environment?.some((e: any) => e.Name === 'TEMPORAL_NAMESPACE');
const cfnIsCodec = (c: any) => c.Environment?.some((e: any) => e.Name === 'CORS_ALLOWED_ORIGINS');
const cfnIsProxy = (c: any) => c.Environment?.some((e: any) => e.Name === 'TEMPORAL_PROXY_UPSTREAM');
const cfnHealthAlarm = (p: any) => p.MetricName === 'HealthyHostCount';
const cfnCapacityAlarm = (p: any) => p.MetricName === 'RunningTaskCount';
const attr = (attrs: any[], key: string) => attrs.find((a) => a.Key === key);
/** The ECS service running a task definition whose container matches. */
function cfnService(t: Templates, where: (c: any) => boolean, also: (p: any) => boolean = () => true): any {
  for (const stacks of Object.values(t)) {
    for (const s of stacks) {
      const res = s.template.Resources ?? {};
      for (const r of Object.values<any>(res)) {
        if (r.Type !== 'AWS::ECS::Service' || !also(r.Properties)) continue;
        const td = res[r.Properties.TaskDefinition?.Ref];
        if (td && where(td.Properties.ContainerDefinitions[0])) return r.Properties;
      }
    }
  }
  throw new Error('no service to break');
}
const isHttps = (p: any) => p.Protocol === 'HTTPS';

const CLOUDFORMATION_BREAKS: Array<[string, Synthesized, Mutation<Templates>, keyof SettingSet]> = [
  // Failover records and health checks
  ['a failover record TTL of 60 s', AA, (t) => { cfnFirst(t, 'AWS::Route53::RecordSet', (p) => p.Failover).TTL = '60'; }, 'failoverRecords'],
  ['LastKnownStatus while the alarm has insufficient data', COLD, (t) => {
    cfnFirst(t, 'AWS::Route53::HealthCheck', (p) => p.HealthCheckConfig.Type === 'CLOUDWATCH_METRIC').HealthCheckConfig.InsufficientDataHealthStatus = 'LastKnownStatus';
  }, 'failoverRecords'],
  ['no insufficient-data status (Route 53 default)', AA, (t) => {
    delete cfnFirst(t, 'AWS::Route53::HealthCheck', (p) => p.HealthCheckConfig.Type === 'CLOUDWATCH_METRIC').HealthCheckConfig.InsufficientDataHealthStatus;
  }, 'failoverRecords'],
  ['a health check reading another alarm name', COLD, (t) => {
    cfnFirst(t, 'AWS::Route53::HealthCheck').HealthCheckConfig.AlarmIdentifier.Name = 'temporal-codec-renamed';
  }, 'failoverRecords'],
  // Health alarms
  ['an alarm threshold of 2', AA, (t) => { cfnFirst(t, 'AWS::CloudWatch::Alarm', cfnHealthAlarm).Threshold = 2; }, 'healthAlarms'],
  ['an alarm over 5 evaluation periods', COLD, (t) => { cfnFirst(t, 'AWS::CloudWatch::Alarm', cfnHealthAlarm).EvaluationPeriods = 5; }, 'healthAlarms'],
  ['an alarm period of 300 s', AA, (t) => { cfnFirst(t, 'AWS::CloudWatch::Alarm', cfnHealthAlarm).Period = 300; }, 'healthAlarms'],
  ['an alarm comparing LessThanOrEqualToThreshold', COLD, (t) => { cfnFirst(t, 'AWS::CloudWatch::Alarm', cfnHealthAlarm).ComparisonOperator = 'LessThanOrEqualToThreshold'; }, 'healthAlarms'],
  ['missing data treated as notBreaching', AA, (t) => { cfnFirst(t, 'AWS::CloudWatch::Alarm', cfnHealthAlarm).TreatMissingData = 'notBreaching'; }, 'healthAlarms'],
  ['an alarm on the Average instead of the Minimum', COLD, (t) => { cfnFirst(t, 'AWS::CloudWatch::Alarm', cfnHealthAlarm).Statistic = 'Average'; }, 'healthAlarms'],
  // Capacity alarms
  ['a capacity alarm threshold of 1', COLD, (t) => { cfnFirst(t, 'AWS::CloudWatch::Alarm', cfnCapacityAlarm).Threshold = 1; }, 'capacityAlarms'],
  ['a capacity alarm on the Average', AA, (t) => { cfnFirst(t, 'AWS::CloudWatch::Alarm', cfnCapacityAlarm).Statistic = 'Average'; }, 'capacityAlarms'],
  ['a capacity alarm missing data never breaching', HOT, (t) => { cfnFirst(t, 'AWS::CloudWatch::Alarm', cfnCapacityAlarm).TreatMissingData = 'missing'; }, 'capacityAlarms'],
  // Private zone records
  ['a private zone record TTL of 300 s', HOT, (t) => { cfnFirst(t, 'AWS::Route53::RecordSet', (p) => /region\.tmprl\.cloud\.$/.test(p.Name)).TTL = '300'; }, 'zoneRecords'],
  // Serverless functions
  ['a Lambda runtime of nodejs22.x', SERVERLESS, (t) => { cfnFirst(t, 'AWS::Lambda::Function', (p) => p.Environment?.Variables?.TEMPORAL_NAMESPACE).Runtime = 'nodejs22.x'; }, 'functions'],
  ['a Lambda memory of 512 MiB', SERVERLESS, (t) => { cfnFirst(t, 'AWS::Lambda::Function', (p) => p.Environment?.Variables?.TEMPORAL_NAMESPACE).MemorySize = 512; }, 'functions'],
  ['a Lambda timeout of 900 s', SERVERLESS, (t) => { cfnFirst(t, 'AWS::Lambda::Function', (p) => p.Environment?.Variables?.TEMPORAL_NAMESPACE).Timeout = 900; }, 'functions'],
  ['a Lambda on arm64', SERVERLESS, (t) => { cfnFirst(t, 'AWS::Lambda::Function', (p) => p.Environment?.Variables?.TEMPORAL_NAMESPACE).Architectures = ['arm64']; }, 'functions'],
  ['a Lambda log retention of 7 days', SERVERLESS, (t) => {
    const fn = cfnFirst(t, 'AWS::Lambda::Function', (p) => p.Environment?.Variables?.TEMPORAL_NAMESPACE);
    for (const [, stacks] of Object.entries(t)) {
      for (const s of stacks) {
        const group = s.template.Resources[fn.LoggingConfig.LogGroup.Ref];
        if (group?.Type === 'AWS::Logs::LogGroup') group.Properties.RetentionInDays = 7;
      }
    }
  }, 'functions'],
  ['a Lambda handler of main.handler', SERVERLESS, (t) => { cfnFirst(t, 'AWS::Lambda::Function', (p) => p.Environment?.Variables?.TEMPORAL_NAMESPACE).Handler = 'main.handler'; }, 'functions'],
  // Fargate services
  ['a worker CPU of 1024', HOT, (t) => { cfnFirst(t, 'AWS::ECS::TaskDefinition', (p) => cfnIsWorker(p.ContainerDefinitions[0])).Cpu = '1024'; }, 'services'],
  ['a worker memory of 2048 MiB', COLD, (t) => { cfnFirst(t, 'AWS::ECS::TaskDefinition', (p) => cfnIsWorker(p.ContainerDefinitions[0])).Memory = '2048'; }, 'services'],
  ['a worker image for ARM64', SHARDED, (t) => { cfnFirst(t, 'AWS::ECS::TaskDefinition').RuntimePlatform.CpuArchitecture = 'ARM64'; }, 'services'],
  ['a desired count of 3 for a fleet planned at 2', SHARDED, (t) => { cfnFirst(t, 'AWS::ECS::Service', (p) => p.DesiredCount === 2).DesiredCount = 3; }, 'services'],
  ['an autoscaling maximum of 20', COLD, (t) => { cfnFirst(t, 'AWS::ApplicationAutoScaling::ScalableTarget').MaxCapacity = 20; }, 'services'],
  ['an autoscaling minimum of 1 for a fleet planned at 4', SHARDED, (t) => {
    cfnFirst(t, 'AWS::ApplicationAutoScaling::ScalableTarget', (p) => p.MinCapacity === 4).MinCapacity = 1;
  }, 'services'],
  ['a target CPU of 75 %', AA, (t) => { cfnFirst(t, 'AWS::ApplicationAutoScaling::ScalingPolicy').TargetTrackingScalingPolicyConfiguration.TargetValue = 75; }, 'services'],
  ['a scale-out cooldown of 300 s', HOT, (t) => { cfnFirst(t, 'AWS::ApplicationAutoScaling::ScalingPolicy').TargetTrackingScalingPolicyConfiguration.ScaleOutCooldown = 300; }, 'services'],
  ['a log retention of 7 days', SHARDED, (t) => {
    for (const stacks of Object.values(t)) {
      for (const s of stacks) for (const r of Object.values<any>(s.template.Resources)) if (r.Type === 'AWS::Logs::LogGroup') r.Properties.RetentionInDays = 7;
    }
  }, 'services'],
  ['a stop timeout of 30 s for a fleet planned at 120', HOT, (t) => { cfnContainer(t, cfnIsWorker).StopTimeout = 30; }, 'services'],
  ['a health check nobody planned', HOT, (t) => { cfnContainer(t, cfnIsWorker).HealthCheck = { Command: ['CMD', 'true'], Interval: 30, Timeout: 5, Retries: 3, StartPeriod: 0 }; }, 'services'],
  ['a codec server desired count of 1', AA, (t) => { cfnService(t, cfnIsCodec).DesiredCount = 1; }, 'services'],
  ['a running codec server in the cold region', COLD, (t) => { cfnService(t, cfnIsCodec, (p) => p.DesiredCount?.['Fn::If']?.[2] === 0).DesiredCount['Fn::If'][2] = 2; }, 'services'],
  ['a proxy memory of 1024 MiB', AA, (t) => { cfnFirst(t, 'AWS::ECS::TaskDefinition', (p) => cfnIsProxy(p.ContainerDefinitions[0])).Memory = '1024'; }, 'services'],
  // Container environment
  ['another TASK_QUEUE', HOT, (t) => { cfnEnv(cfnContainer(t, cfnIsWorker), 'TASK_QUEUE').Value = 'orders-v2'; }, 'environment'],
  ['TEMPORAL_TLS=true written (TLS off for @temporalio/envconfig before 1.24)', SHARDED, (t) => {
    cfnContainer(t, cfnIsWorker).Environment.push({ Name: 'TEMPORAL_TLS', Value: 'true' });
  }, 'environment'],
  ['an extra variable nobody planned', COLD, (t) => { cfnContainer(t, cfnIsWorker).Environment.push({ Name: 'DEBUG', Value: '1' }); }, 'environment'],
  ['variables written unsorted', HOT, (t) => { cfnContainer(t, cfnIsWorker).Environment.reverse(); }, 'environment'],
  ['the API key under another variable name', AA, (t) => { cfnContainer(t, cfnIsWorker).Secrets[0].Name = 'TEMPORAL_APIKEY'; }, 'environment'],
  ['the client key secret dropped', COLD, (t) => { const c = cfnContainer(t, cfnIsWorker); c.Secrets = c.Secrets.slice(0, 1); }, 'environment'],
  ['a worker dialing the codec server\'s load balancer', AA, (t) => {
    const c = cfnContainer(t, cfnIsWorker, 'us-east-1');
    const codec = cfnEnv(c, 'CODEC_SERVER_URL').Value['Fn::Join'][1][1];
    cfnEnv(c, 'TEMPORAL_ADDRESS').Value = { 'Fn::Join': ['', [codec, ':7233']] };
  }, 'environment'],
  ['a worker codec URL over http', HOT, (t) => {
    const v = cfnEnv(cfnContainer(t, cfnIsWorker), 'CODEC_SERVER_URL');
    v.Value = String(v.Value).replace('https://', 'http://');
  }, 'environment'],
  ['a CORS origin of another Web UI', COLD, (t) => { cfnEnv(cfnContainer(t, cfnIsCodec), 'CORS_ALLOWED_ORIGINS').Value = 'https://web.example.com'; }, 'environment'],
  ['a codec PORT of 9090', AA, (t) => { cfnEnv(cfnContainer(t, cfnIsCodec), 'PORT').Value = '9090'; }, 'environment'],
  ['a proxy dialing a Regional Endpoint', AA, (t) => {
    cfnEnv(cfnContainer(t, cfnIsProxy), 'TEMPORAL_PROXY_UPSTREAM').Value = 'aws-us-east-1.region.tmprl.cloud:7233';
  }, 'environment'],
  ['a function without its Build ID variable', SERVERLESS, (t) => {
    delete cfnFirst(t, 'AWS::Lambda::Function', (p) => p.Environment?.Variables?.TEMPORAL_NAMESPACE).Environment.Variables.TEMPORAL_LAMBDA_BUILD_ID;
  }, 'environment'],
  ['a function dialing a Regional Endpoint', SERVERLESS, (t) => {
    cfnFirst(t, 'AWS::Lambda::Function', (p) => p.Environment?.Variables?.TEMPORAL_NAMESPACE).Environment.Variables.TEMPORAL_ADDRESS = 'aws-eu-west-1.region.tmprl.cloud:7233';
  }, 'environment'],
  // Load balancers, ports and health checks
  ['a codec container port of 9090', HOT, (t) => { cfnContainer(t, cfnIsCodec).PortMappings[0].ContainerPort = 9090; }, 'loadBalancers'],
  ['a codec target group on 9090', COLD, (t) => { cfnFirst(t, 'AWS::ElasticLoadBalancingV2::TargetGroup', (p) => p.Protocol === 'HTTP').Port = 9090; }, 'loadBalancers'],
  ['a codec listener on 8443', AA, (t) => { cfnFirst(t, 'AWS::ElasticLoadBalancingV2::Listener', isHttps).Port = 8443; }, 'loadBalancers'],
  ['a health check path of /', HOT, (t) => { cfnFirst(t, 'AWS::ElasticLoadBalancingV2::TargetGroup', (p) => p.Protocol === 'HTTP').HealthCheckPath = '/'; }, 'loadBalancers'],
  ['an older TLS policy', COLD, (t) => { cfnFirst(t, 'AWS::ElasticLoadBalancingV2::Listener', isHttps).SslPolicy = 'ELBSecurityPolicy-2016-08'; }, 'loadBalancers'],
  ['the certificate of another region', AA, (t) => {
    cfnFirst(t, 'AWS::ElasticLoadBalancingV2::Listener', (p, r) => isHttps(p) && r.region === 'us-east-2').Certificates[0].CertificateArn = CERT('us-east-1', 5);
  }, 'loadBalancers'],
  ['an internet-facing codec server', HOT, (t) => { cfnFirst(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer', (p) => p.Type === 'application').Scheme = 'internet-facing'; }, 'loadBalancers'],
  ['a codec server open to any address', COLD, (t) => {
    cfnFirst(t, 'AWS::EC2::SecurityGroup', (p) => (p.SecurityGroupIngress ?? []).some((i: any) => i.FromPort === 443)).SecurityGroupIngress[0].CidrIp = '0.0.0.0/0';
  }, 'loadBalancers'],
  ['codec access logs off', AA, (t) => {
    attr(cfnFirst(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer', (p) => p.Type === 'application').LoadBalancerAttributes, 'access_logs.s3.enabled').Value = 'false';
  }, 'loadBalancers'],
  ['a proxy deregistration delay of 300 s', AA, (t) => {
    attr(cfnFirst(t, 'AWS::ElasticLoadBalancingV2::TargetGroup', (p) => p.Protocol === 'TCP').TargetGroupAttributes, 'deregistration_delay.timeout_seconds').Value = '300';
  }, 'loadBalancers'],
  ['a proxy listener on 443', AA, (t) => { cfnFirst(t, 'AWS::ElasticLoadBalancingV2::Listener', (p) => p.Protocol === 'TCP').Port = 443; }, 'loadBalancers'],
  // AWS service endpoints (no internet egress)
  ['the ECR endpoint without private DNS', SHARDED, (t) => { cfnFirst(t, 'AWS::EC2::VPCEndpoint', (p) => /ecr\.api/.test(JSON.stringify(p.ServiceName))).PrivateDnsEnabled = false; }, 'serviceEndpoints'],
  // The hardened profile (off in these scenarios: every engine must leave it off)
  ['a deletion-protected codec load balancer', AA, (t) => {
    attr(cfnFirst(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer', (p) => p.Type === 'application').LoadBalancerAttributes, 'deletion_protection.enabled').Value = 'true';
  }, 'hardening'],
  ['reserved concurrency on a serverless Worker', SERVERLESS, (t) => { cfnFirst(t, 'AWS::Lambda::Function', (p) => p.Environment?.Variables?.TEMPORAL_NAMESPACE).ReservedConcurrentExecutions = 5; }, 'hardening'],
];

describe('a deliberately broken CloudFormation rendering fails settings parity', () => {
  test.each(CLOUDFORMATION_BREAKS)('%s', (_what, scenario, change, kind) => {
    const planned = settingsFromPlan(scenario.cfnPlan)[kind];
    const original = settingsFromCloudFormation(scenario.cfn)[kind];
    const rendered = settingsFromCloudFormation(broken(scenario.cfn, change))[kind];
    expect(rendered).not.toEqual(original);
    expect(rendered).not.toEqual(planned);
  });

  test('every kind of setting has broken renderings', () => {
    expect(new Set(CLOUDFORMATION_BREAKS.map(([, , , kind]) => kind))).toEqual(new Set(SETTING_KINDS));
  });
});
