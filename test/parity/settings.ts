/**
 * Settings parity: the SETTINGS of every planned component, derived three ways.
 *
 *   settingsFromPlan(plan)                          what lib/core resolved
 *   settingsFromTerraform(cdk.tf.json)              what the CDK for Terraform flavour wrote
 *   settingsFromCloudFormation(templatesByRegion)   what the AWS CDK flavour wrote
 *
 * `components.ts` checks which components exist and how they connect; this file checks how each is
 * configured: task sizes and counts, autoscaling, log retention, container environment and secret
 * names, ports, load balancers and health checks, failover records, their health checks and alarms,
 * private zone records, serverless functions.
 *
 * The engine extractors read only the synthesized output (never the plan or construct ids). Fleets
 * are keyed by region, role and namespace (from the container's `TEMPORAL_NAMESPACE` and the fleet's
 * role tag or output); codec servers and proxies by region and by what their container reads
 * (`CORS_ALLOWED_ORIGINS`, `TEMPORAL_PROXY_UPSTREAM`). A value that is an engine reference is
 * normalized: a load balancer's DNS name becomes `<codec REGION>` or `<proxy REGION>` after the
 * component behind it (listener -> target group -> service), any other reference `<ref>`.
 *
 * Every setting is one line of text, so a failing comparison prints a readable diff.
 */
import { CfnResource, cloudFormationIndex, CloudFormationStack } from './components';
import {
  AuthMethod, codecServerUrl, DeploymentPlan, FailoverCapacity, WorkerRuntime, fleetEnvironment, functionEnvironment, PRIVATE_ZONE_DEFAULTS,
  ServerlessEnv, ServiceSettings,
} from '../../lib/core';
import { FAILOVER_DEFAULTS } from '../../lib/core/components/failover-state';
import { regionHardening } from '../../lib/core/components/hardening';
import { regionNetwork } from '../../lib/core/components/network';

type Json = Record<string, any>;

/** The settings of a deployment's components, each kind a sorted list of one-line descriptions. */
export interface SettingSet {
  /**
   * ECS services: `<region> <role> <key> cpu= memory= arch= desired= min= max= targetCpu= cooldown=out/in logs= [stop=] [health=<command>/interval/timeout/retries/startPeriod]`
   * (`<key>`: the namespace of a fleet; codec servers and proxies have no scaling).
   */
  readonly services: string[];
  /**
   * Container and function environment, one variable a line: `<region> <role> <key> env NAME=value` or
   * `... secret NAME`, and `... order <names as written>`.
   */
  readonly environment: string[];
  /**
   * Codec servers and proxies behind their load balancers: container and target ports, health
   * check, listener, TLS policy and certificate, scheme, allowed CIDRs, deregistration delay, access logs.
   */
  readonly loadBalancers: string[];
  /** Each side of a failover record: `<name> <PRIMARY|SECONDARY> -> <target> <type> ttl= check= insufficientData= alarm=<name>@<region>`. */
  readonly failoverRecords: string[];
  /** The health alarm a failover health check reads: `<component> <region> <name> on=<target> <namespace> <metric> <statistic> period= ...`. */
  readonly healthAlarms: string[];
  /** Private zone records: `<vpc region> <zone> <name> <type> ttl=`. */
  readonly zoneRecords: string[];
  /**
   * Capacity alarms on an ECS service's running task count: `<region> <name> <namespace> <metric> <statistic> dims= period= evaluationPeriods=
   * datapoints= threshold= <comparison> missing=`; a value that follows the failover state is `<while active>/<on standby>`.
   */
  readonly capacityAlarms: string[];
  /** Serverless functions: `<region> function <namespace> runtime= memory= timeout= arch= handler= logs= alias=`. */
  readonly functions: string[];
  /** AWS service endpoints of VPCs without internet egress: `<region> <service> <Interface|Gateway> [privateDns=]`. */
  readonly serviceEndpoints: string[];
  /**
   * The hardened profile, per region: `<region> logKeys=<n> [rotation= window=] logGroups=<all|none|some> encrypted`,
   * `<region> <application|network> deletionProtection=`, `<region> function <namespace> reserved= deadLetter=<days|none>`.
   */
  readonly hardening: string[];
}

/** The kinds of settings, in a stable order. */
export const SETTING_KINDS: ReadonlyArray<keyof SettingSet> = [
  'services', 'environment', 'loadBalancers', 'failoverRecords', 'healthAlarms', 'zoneRecords', 'capacityAlarms', 'functions', 'serviceEndpoints',
  'hardening',
];

function settingSet(parts: { [K in keyof SettingSet]: string[] }): SettingSet {
  const sorted = (xs: string[]) => [...xs].sort();
  // The AWS CDK flavour repeats each failover record, health check and alarm reference in every
  // worker region's zone: one line per distinct setting (a changed copy still adds a line).
  const distinct = (xs: string[]) => [...new Set(xs)].sort();
  return {
    services: sorted(parts.services),
    environment: sorted(parts.environment),
    loadBalancers: sorted(parts.loadBalancers),
    failoverRecords: distinct(parts.failoverRecords),
    healthAlarms: distinct(parts.healthAlarms),
    zoneRecords: sorted(parts.zoneRecords),
    capacityAlarms: sorted(parts.capacityAlarms),
    functions: sorted(parts.functions),
    serviceEndpoints: sorted(parts.serviceEndpoints),
    hardening: sorted(parts.hardening),
  };
}

/** No setting of any kind yet. */
function emptyParts(): { [K in keyof SettingSet]: string[] } {
  return Object.fromEntries(SETTING_KINDS.map((k) => [k, []])) as unknown as { [K in keyof SettingSet]: string[] };
}

/** One region's log keys and log groups: `<region> logKeys=<n> [rotation= window=] logGroups=<all|none|some> encrypted`. */
function logKeyLine(region: string, keys: Array<{ rotation: unknown; window: unknown }>, groupsEncrypted: boolean[]): string {
  const k = keys.map((x) => ` rotation=${x.rotation ?? '(unset)'} window=${x.window ?? '(unset)'}`).join('');
  const all = groupsEncrypted.every(Boolean) ? 'all' : groupsEncrypted.some(Boolean) ? 'some' : 'none';
  return `${region} logKeys=${keys.length}${k} logGroups=${all} encrypted`;
}

/** The regions of a set of resources, with the resources of each. */
function byRegionOf<T extends { region: string }>(xs: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(x.region, [...m.get(x.region) ?? [], x]);
  return m;
}

/** What an engine's service, scaling and log group amount to, in the order every line writes them. */
interface ServiceFacts {
  readonly cpu: unknown;
  readonly memory: unknown;
  readonly arch: unknown;
  readonly desired: unknown;
  /** Undefined: no autoscaling. */
  readonly scaling?: { min: unknown; max: unknown; targetCpu: unknown; scaleOut: unknown; scaleIn: unknown };
  readonly logs: unknown;
  readonly stopTimeout?: unknown;
  /** The container health check: command, interval, timeout, retries, start period (undefined: none). */
  readonly health?: readonly unknown[];
}

/** A codec server's or proxy's service: no autoscaling (its count by the live state when it follows the failover state). */
function componentFacts(s: ServiceSettings, cap?: FailoverCapacity): ServiceFacts {
  const desired = cap ? byState(cap.whenActive.desiredCount, cap.whenStandby.desiredCount) : s.desiredCount;
  return { cpu: s.cpu, memory: s.memoryLimitMiB, arch: s.cpuArchitecture, desired, logs: s.logRetentionDays };
}

function serviceLine(key: string, f: ServiceFacts): string {
  const scaling = f.scaling
    ? `min=${f.scaling.min} max=${f.scaling.max} targetCpu=${f.scaling.targetCpu} cooldown=${f.scaling.scaleOut}/${f.scaling.scaleIn}`
    : 'scaling=none';
  const stop = f.stopTimeout === undefined ? '' : ` stop=${f.stopTimeout}`;
  const health = f.health === undefined ? '' : ` health=${JSON.stringify(f.health[0])}/${f.health.slice(1).join('/')}`;
  return `${key} cpu=${f.cpu} memory=${f.memory} arch=${f.arch ?? '(none)'} desired=${f.desired ?? '(none)'} ${scaling} logs=${f.logs ?? '(none)'}${stop}${health}`;
}

/**
 * One line per plain variable and per secret-backed variable name, and the order they are written
 * in (both engines write them sorted, as the plan lists them: a reordering is a diff on every deploy).
 */
function environmentLines(key: string, plain: Record<string, unknown>, secrets: string[], written?: string[]): string[] {
  return [
    ...Object.entries(plain).map(([k, v]) => `${key} env ${k}=${v}`),
    ...secrets.map((s) => `${key} secret ${s}`),
    `${key} order ${written ? written.join(',') : `${Object.keys(plain).join(',')} secrets=${secrets.join(',')}`}`,
  ];
}

interface LoadBalancerFacts {
  readonly container: string;
  readonly target: string;
  readonly health: string;
  readonly listener: string;
  readonly ssl?: unknown;
  readonly cert?: unknown;
  readonly scheme: string;
  /** Codec servers only (the proxy's peers are not a planned setting). */
  readonly allowed?: string;
  /** Codec servers only: the record of the browser-facing name, `<name> A alias` (to this load balancer) or `(none)`. */
  readonly dns?: string;
  readonly deregistration: unknown;
  readonly accessLogs?: unknown;
}

function loadBalancerLine(key: string, f: LoadBalancerFacts): string {
  const opt = (name: string, v: unknown) => (v === undefined ? '' : ` ${name}=${v}`);
  return `${key} container=${f.container} target=${f.target} health=${f.health} listener=${f.listener}${opt('ssl', f.ssl)}${opt('cert', f.cert)}`
    + ` scheme=${f.scheme}${opt('allowed', f.allowed)}${opt('dns', f.dns)} deregistration=${f.deregistration}${opt('accessLogs', f.accessLogs)}`;
}

interface AlarmFacts {
  readonly name: unknown;
  readonly on: string;
  readonly namespace: unknown;
  readonly metric: unknown;
  readonly statistic: unknown;
  readonly period: unknown;
  readonly evaluationPeriods: unknown;
  readonly datapoints: unknown;
  readonly threshold: unknown;
  readonly comparison: unknown;
  readonly missing: unknown;
}

/** A capacity alarm: `<region> <name> <namespace> <metric> <statistic> dims= period= evaluationPeriods= datapoints= threshold= <comparison> missing=`. */
function capacityAlarmLine(region: string, a: Omit<AlarmFacts, 'on'> & { readonly dimensions: unknown }): string {
  return `${region} ${a.name} ${a.namespace} ${a.metric} ${a.statistic} dims=${a.dimensions} period=${a.period} evaluationPeriods=${a.evaluationPeriods}`
    + ` datapoints=${a.datapoints} threshold=${a.threshold} ${a.comparison} missing=${a.missing}`;
}

/** A value that follows the failover state as `<while active>/<on standby>` (the same value on both sides: that value). */
function byState(whenActive: unknown, whenStandby: unknown): string {
  return whenActive === whenStandby ? String(whenActive) : `${whenActive}/${whenStandby}`;
}

/**
 * The desired count of an autoscaled fleet that follows the failover state, while active: `auto` (autoscaling owns it: CloudFormation leaves it out,
 * Terraform writes it at creation and ignores it after), on standby its count.
 */
const AUTO = 'auto';

/** A Terraform value that follows the failover state, `${(<state> == "<region>") ? <a> : <b>}`, as `<a>/<b>` (`active` replaced when given). */
function tfStateValue(v: unknown, active?: string): unknown {
  const m = typeof v === 'string' ? /^\$\{\(data\.aws_ssm_parameter\.[\w-]+\.insecure_value == "[a-z0-9-]+"\) \? "?([^"]*?)"? : "?([^"]*?)"?\}$/.exec(v) : null;
  return m ? byState(active ?? m[1], m[2]) : v;
}

/** A CloudFormation value that follows the failover state, `Fn::If` on the state's condition, as `<while active>/<on standby>` (`AWS::NoValue`: `auto`). */
function cfnStateValue(v: unknown): unknown {
  const ifs = v && typeof v === 'object' ? (v as Json)['Fn::If'] : undefined;
  const side = (x: any) => (x && typeof x === 'object' && x.Ref === 'AWS::NoValue' ? AUTO : x);
  return ifs ? byState(side(ifs[1]), side(ifs[2])) : v;
}

/** The gate of a failover record's PRIMARY side (planned, or read from a `CALCULATED` health check): ` gate=<tag> threshold=<open>/<closed>`. */
function gateSuffix(tag: unknown, threshold: unknown): string {
  return ` gate=${tag} threshold=${threshold}`;
}

function alarmLine(component: string, region: string, a: AlarmFacts): string {
  return `${component} ${region} ${a.name} on=${a.on} ${a.namespace} ${a.metric} ${a.statistic} period=${a.period} evaluationPeriods=${a.evaluationPeriods}`
    + ` datapoints=${a.datapoints} threshold=${a.threshold} ${a.comparison} missing=${a.missing}`;
}

interface FunctionFacts {
  readonly runtime: unknown;
  readonly memory: unknown;
  readonly timeout: unknown;
  readonly arch: unknown;
  readonly handler: unknown;
  readonly logs: unknown;
  readonly alias: unknown;
}

function functionLine(key: string, f: FunctionFacts): string {
  return `${key} runtime=${f.runtime} memory=${f.memory} timeout=${f.timeout} arch=${f.arch} handler=${f.handler} logs=${f.logs ?? '(none)'} alias=${f.alias ?? '(none)'}`;
}

/** A function's variables as lines: `<VAR>_SECRET_ARN` is the secret of `<VAR>` (its value and `_SECRET_FIELD` are the engine's binding). */
function functionEnvironmentLines(key: string, vars: Record<string, unknown>): string[] {
  const plain: Record<string, unknown> = {};
  const secrets: string[] = [];
  for (const [k, v] of Object.entries(vars)) {
    if (k.endsWith(ServerlessEnv.SECRET_ARN_SUFFIX)) secrets.push(k.slice(0, -ServerlessEnv.SECRET_ARN_SUFFIX.length));
    else if (!k.endsWith(ServerlessEnv.SECRET_FIELD_SUFFIX)) plain[k] = v;
  }
  return environmentLines(key, plain, secrets, Object.keys(vars).filter((k) => !k.endsWith(ServerlessEnv.SECRET_FIELD_SUFFIX)));
}

/** An AWS service endpoint (not Temporal's PrivateLink endpoint, `com.amazonaws.vpce.*`) as a line, or undefined. */
function serviceEndpointLine(region: string, serviceName: string, type: unknown, privateDns: unknown): string | undefined {
  const prefix = `com.amazonaws.${region}.`;
  if (!serviceName.startsWith(prefix)) return undefined;
  return `${region} ${serviceName.slice(prefix.length)} ${type}${type === 'Interface' ? ` privateDns=${privateDns}` : ''}`;
}

/** The label of a component's load balancer DNS name: `<codec us-east-1>`. */
const componentRef = (component: string, region: string) => `<${component} ${region}>`;

/** The role of a codec server's or proxy's lines. */
const CODEC = 'codec';
const PROXY = 'proxy';

// ---------------------------------------------------------------------------------------------
// From the plan
// ---------------------------------------------------------------------------------------------

/** The settings lib/core resolved. */
/** The URL of a region's codec server as the plan gives it: its domain name, else its load balancer. */
function codecUrlOf(r: DeploymentPlan['regions'][number], codecServerId: string | undefined): string | undefined {
  const codec = r.codecServers.find((c) => c.id === codecServerId);
  return codec ? codecServerUrl(codec.settings, componentRef(CODEC, r.awsRegion)) : undefined;
}

export function settingsFromPlan(plan: DeploymentPlan): SettingSet {
  const out = emptyParts();
  const authOf = (namespace: string) => plan.namespaces.find((n) => n.qualifiedName === namespace)?.auth ?? AuthMethod.API_KEY;
  for (const r of plan.regions) {
    for (const f of r.fleets.filter((x) => x.runtime === WorkerRuntime.FARGATE)) {
      const key = `${f.awsRegion} ${f.role} ${f.namespace}`;
      const s = f.service;
      // A fleet that follows the failover state: its counts by the live state, `<while active>/<on standby>`.
      const cap = f.failoverCapacity;
      out.services.push(s ? serviceLine(key, {
        cpu: s.cpu,
        memory: s.memoryLimitMiB,
        arch: s.cpuArchitecture,
        desired: cap ? byState(AUTO, cap.whenStandby.desiredCount) : s.desiredCount,
        scaling: s.scaling && {
          min: cap ? byState(cap.whenActive.minCapacity, cap.whenStandby.minCapacity) : s.scaling.minCapacity,
          max: cap ? byState(cap.whenActive.maxCapacity, cap.whenStandby.maxCapacity) : s.scaling.maxCapacity,
          targetCpu: s.scaling.targetCpuUtilizationPercent,
          scaleOut: s.scaling.scaleOutCooldownSeconds,
          scaleIn: s.scaling.scaleInCooldownSeconds,
        },
        logs: s.logRetentionDays,
        stopTimeout: s.stopTimeoutSeconds,
        health: s.healthCheck && [
          s.healthCheck.command, s.healthCheck.intervalSeconds, s.healthCheck.timeoutSeconds, s.healthCheck.retries, s.healthCheck.startPeriodSeconds,
        ],
      }) : `${key} (no service settings in the plan)`);
      const proxy = f.proxyId ? r.proxies.find((p) => p.id === f.proxyId) : undefined;
      const env = fleetEnvironment(f, {
        proxyAddress: proxy ? `${componentRef(PROXY, r.awsRegion)}:${proxy.settings.listenerPort}` : undefined,
        codecUrl: codecUrlOf(r, f.codecServerId),
      });
      out.environment.push(...environmentLines(key, env.plain, Object.keys(env.secrets)));
    }
    for (const c of r.codecServers) {
      const s = c.settings;
      const key = `${r.awsRegion} ${CODEC}`;
      out.services.push(serviceLine(key, componentFacts(s, c.failoverCapacity)));
      out.environment.push(...environmentLines(key, s.environment, []));
      out.loadBalancers.push(loadBalancerLine(key, {
        container: `${s.containerName}:${s.containerPort}`,
        target: `HTTP:${s.containerPort}`,
        health: `HTTP:${s.healthCheckPath}`,
        listener: `HTTPS:${s.listenerPort}`,
        ssl: s.sslPolicy,
        cert: s.certificateArn ?? (s.createCertificate ? `(requested for ${s.domainName})` : '(none)'),
        scheme: s.internetFacing ? 'internet-facing' : 'internal',
        // Undefined: the worker VPC's CIDR, which only the engine knows.
        allowed: s.allowedCidrs?.join(',') ?? '<vpc>',
        dns: s.dnsRecord ? `${s.domainName} A alias` : '(none)',
        deregistration: s.deregistrationDelaySeconds,
        accessLogs: s.accessLogsPrefix,
      }));
    }
    for (const p of r.proxies) {
      const s = p.settings;
      const key = `${r.awsRegion} ${PROXY}`;
      out.services.push(serviceLine(key, componentFacts(s, p.failoverCapacity)));
      out.environment.push(...environmentLines(key, s.environment, []));
      // The proxy sits behind an internal Network Load Balancer (TCP passthrough, health-checked over TCP).
      out.loadBalancers.push(loadBalancerLine(key, {
        container: `${s.containerName}:${s.containerPort}`,
        target: `TCP:${s.containerPort}`,
        health: 'TCP',
        listener: `TCP:${s.listenerPort}`,
        scheme: 'internal',
        deregistration: s.deregistrationDelaySeconds,
      }));
    }
    for (const z of r.zoneRecords) {
      // A single-region namespace's zone is answered at its apex by an alias of the endpoint.
      const apex = z.name === z.zone;
      out.zoneRecords.push(`${z.vpcRegion} ${z.zone} ${z.name} ${apex ? 'A alias' : `CNAME ttl=${PRIVATE_ZONE_DEFAULTS.recordTtlSeconds}`}`);
    }
    for (const f of r.functions) {
      const s = f.settings;
      const key = `${f.awsRegion} function ${f.namespace}`;
      out.functions.push(functionLine(key, {
        runtime: s.runtime,
        memory: s.memorySize,
        timeout: s.timeoutSeconds,
        arch: s.lambdaArchitecture,
        handler: s.handler,
        logs: s.logRetentionDays,
        alias: s.aliasName,
      }));
      const codecEndpoint = codecUrlOf(r, f.codecServerId) ?? s.codecEndpoint;
      const env = functionEnvironment({ ...s, codecEndpoint }, authOf(f.namespace), () => ({ secretArn: '<secret>' }));
      out.environment.push(...functionEnvironmentLines(key, env.variables));
    }
  }
  for (const f of plan.failoverRecords) {
    const check = f.healthCheck === 'cloudwatch-alarm' ? 'CLOUDWATCH_METRIC' : 'HTTPS';
    for (const [side, region, instance] of [['PRIMARY', f.primaryRegion, f.primaryComponentId], ['SECONDARY', f.secondaryRegion, f.secondaryComponentId]]) {
      const alarm = f.alarms[region];
      const gate = side === 'PRIMARY' && f.gate
        ? gateSuffix(f.gate.tag, byState(FAILOVER_DEFAULTS.gate.healthThresholdWhenActive, FAILOVER_DEFAULTS.gate.healthThresholdWhenStandby)) : '';
      out.failoverRecords.push(`${f.recordName} ${side} -> ${componentRef(instance, region)} CNAME ttl=${f.ttlSeconds} check=${check}`
        + ` insufficientData=${f.insufficientDataHealthStatus} alarm=${alarm ? `${alarm.alarmName}@${region}` : '(none)'}${gate}`);
      if (alarm) {
        out.healthAlarms.push(alarmLine(f.component, region, {
          name: alarm.alarmName,
          on: componentRef(instance, region),
          namespace: alarm.namespace,
          metric: alarm.metricName,
          statistic: alarm.statistic,
          period: alarm.periodSeconds,
          evaluationPeriods: alarm.evaluationPeriods,
          datapoints: alarm.datapointsToAlarm,
          threshold: alarm.threshold,
          comparison: alarm.comparisonOperator,
          missing: alarm.treatMissingData,
        }));
      }
    }
  }
  const capacity = FAILOVER_DEFAULTS.capacityAlarm;
  for (const r of plan.regions) {
    for (const a of r.capacityAlarms ?? []) {
      const follows = a.unit !== undefined;
      out.capacityAlarms.push(capacityAlarmLine(r.awsRegion, {
        name: a.alarmName,
        namespace: capacity.namespace,
        metric: capacity.metricName,
        statistic: capacity.statistic,
        dimensions: 'ClusterName,ServiceName',
        period: a.periodSeconds,
        evaluationPeriods: a.evaluationPeriods,
        datapoints: a.evaluationPeriods,
        threshold: follows ? byState(a.minRunningWhenActive, a.minRunningWhenStandby) : a.minRunningWhenActive,
        comparison: capacity.comparisonOperator,
        missing: follows ? byState(capacity.treatMissingDataWhenActive, capacity.treatMissingDataWhenStandby) : capacity.treatMissingDataWhenActive,
      }));
    }
  }
  for (const r of plan.regions) {
    for (const e of regionNetwork(plan, r).serviceEndpoints) {
      out.serviceEndpoints.push(serviceEndpointLine(r.awsRegion, `com.amazonaws.${r.awsRegion}.${e.service}`, e.type, true)!);
    }
  }
  for (const r of plan.regions.filter((x) => x.needsVpc || x.functions.length > 0)) {
    const h = regionHardening(plan, r);
    const keys = h.logKey ? [{ rotation: h.logKey.enableKeyRotation, window: h.logKey.pendingWindowDays }] : [];
    out.hardening.push(logKeyLine(r.awsRegion, keys, [h.logKey !== undefined]));
    for (const kind of [...r.codecServers.map(() => 'application'), ...r.proxies.map(() => 'network')]) {
      out.hardening.push(`${r.awsRegion} ${kind} deletionProtection=${h.loadBalancerDeletionProtection}`);
    }
    for (const fn of r.functions) {
      out.hardening.push(`${r.awsRegion} function ${fn.namespace} reserved=${h.functions?.reservedConcurrency ?? '(unset)'} deadLetter=${h.functions?.deadLetterRetentionDays ?? 'none'}`);
    }
  }
  return settingSet(out);
}

// ---------------------------------------------------------------------------------------------
// From Terraform JSON (the CDK for Terraform flavour)
// ---------------------------------------------------------------------------------------------

interface TfResource { readonly type: string; readonly name: string; readonly body: Json; readonly region: string }

/** The settings a cdk.tf.json writes. */
export function settingsFromTerraform(tf: Json): SettingSet {
  const out = emptyParts();
  const providerRegion: Record<string, string> = {};
  for (const p of tf.provider?.aws ?? []) providerRegion[p.alias ? `aws.${p.alias}` : 'aws'] = p.region;
  const all = (type: string, kind = 'resource'): TfResource[] => Object.entries<Json>(tf[kind]?.[type] ?? {})
    .map(([name, body]) => ({ type, name, body, region: providerRegion[body.provider ?? 'aws'] ?? '(no region)' }));
  const byName = (type: string, kind = 'resource') => Object.fromEntries(all(type, kind).map((r) => [r.name, r]));
  /** The name of the `type` resource an expression references. */
  const ref = (expr: unknown, type: string): string | undefined => {
    const m = new RegExp(`\\$\\{${type}\\.([A-Za-z0-9_-]+)[.\\[]`).exec(typeof expr === 'string' ? expr : JSON.stringify(expr ?? ''));
    return m?.[1];
  };

  const taskDefs = byName('aws_ecs_task_definition');
  const logGroups = byName('aws_cloudwatch_log_group');
  const targetGroups = byName('aws_lb_target_group');
  const lbs = byName('aws_lb');
  const listeners = all('aws_lb_listener');
  const scalingTargets = all('aws_appautoscaling_target');
  const scalingPolicies = all('aws_appautoscaling_policy');
  const services = all('aws_ecs_service').map((s) => {
    const td = taskDefs[ref(s.body.task_definition, 'aws_ecs_task_definition') ?? ''];
    const [container] = td ? JSON.parse(td.body.container_definitions) : [{}];
    const env: Record<string, string> = Object.fromEntries((container.environment ?? []).map((e: Json) => [e.name, e.value]));
    const role = 'CORS_ALLOWED_ORIGINS' in env ? CODEC : 'TEMPORAL_PROXY_UPSTREAM' in env ? PROXY : undefined;
    return { ...s, td, container, env, role };
  });
  /** The service behind a load balancer (listener -> target group <- service). */
  const serviceBehind = (lbName: string) => {
    const tgs = listeners.filter((l) => ref(l.body.load_balancer_arn, 'aws_lb') === lbName)
      .flatMap((l) => (l.body.default_action ?? []).map((a: Json) => ref(a.target_group_arn, 'aws_lb_target_group')));
    return services.find((s) => (s.body.load_balancer ?? []).some((b: Json) => tgs.includes(ref(b.target_group_arn, 'aws_lb_target_group'))));
  };
  const lbLabel = (lbName: string): string => {
    const lb = lbs[lbName];
    const behind = serviceBehind(lbName);
    return lb && behind?.role ? componentRef(behind.role, lb.region) : '<ref>';
  };
  /** A value with every `${...}` expression normalized (a load balancer's DNS name: the component behind it). */
  const normalize = (value: unknown): string => String(value).replace(/\$\{[^}]*\}/g, (expr) => {
    const lb = /^\$\{aws_lb\.([A-Za-z0-9_-]+)\.dns_name\}$/.exec(expr);
    return lb ? lbLabel(lb[1]) : '<ref>';
  });
  const retentionOf = (expr: unknown) => logGroups[ref(expr, 'aws_cloudwatch_log_group') ?? '']?.body.retention_in_days;
  const records = all('aws_route53_record');
  /** A listener's certificate: an ARN, or the certificate requested (and validated) for a name. */
  const tfCertificate = (arn: unknown): string => {
    const validation = byName('aws_acm_certificate_validation')[ref(arn, 'aws_acm_certificate_validation') ?? ''];
    const requested = validation && byName('aws_acm_certificate')[ref(validation.body.certificate_arn, 'aws_acm_certificate') ?? ''];
    return requested ? `(requested for ${requested.body.domain_name})` : String(arn ?? '(none)');
  };

  for (const s of services) {
    const c = s.container;
    const fleet = 'TEMPORAL_ADDRESS' in s.env && 'TEMPORAL_NAMESPACE' in s.env;
    if (!fleet && !s.role) continue;
    const key = fleet ? `${s.region} ${s.body.tags?.TemporalFleetRole ?? '(no role tag)'} ${s.env.TEMPORAL_NAMESPACE}` : `${s.region} ${s.role}`;
    const target = scalingTargets.find((t) => ref(t.body.resource_id, 'aws_ecs_service') === s.name);
    const policy = target && scalingPolicies.find((p) => ref(p.body.resource_id, 'aws_appautoscaling_target') === target.name);
    const tt = policy?.body.target_tracking_scaling_policy_configuration;
    out.services.push(serviceLine(key, {
      cpu: s.td?.body.cpu,
      memory: s.td?.body.memory,
      arch: s.td?.body.runtime_platform?.cpu_architecture,
      desired: tfStateValue(s.body.desired_count, target ? AUTO : undefined),
      scaling: target && {
        min: tfStateValue(target.body.min_capacity),
        max: tfStateValue(target.body.max_capacity),
        targetCpu: tt?.predefined_metric_specification?.predefined_metric_type === 'ECSServiceAverageCPUUtilization' ? tt.target_value : '(no CPU policy)',
        scaleOut: tt?.scale_out_cooldown,
        scaleIn: tt?.scale_in_cooldown,
      },
      logs: retentionOf(c.logConfiguration?.options?.['awslogs-group']),
      stopTimeout: c.stopTimeout,
      health: c.healthCheck && ['command', 'interval', 'timeout', 'retries', 'startPeriod'].map((k) => c.healthCheck[k]),
    }));
    const plain = Object.fromEntries(Object.entries(s.env).map(([k, v]) => [k, normalize(v)]));
    out.environment.push(...environmentLines(key, plain, (c.secrets ?? []).map((x: Json) => x.name)));

    if (!s.role) continue;
    const binding = (s.body.load_balancer ?? [])[0] ?? {};
    const tg = targetGroups[ref(binding.target_group_arn, 'aws_lb_target_group') ?? ''];
    const listener = tg && listeners.find((l) => (l.body.default_action ?? []).some((a: Json) => ref(a.target_group_arn, 'aws_lb_target_group') === tg.name));
    const lb = listener && lbs[ref(listener.body.load_balancer_arn, 'aws_lb') ?? ''];
    const sgs = (lb?.body.security_groups ?? []).map((x: string) => ref(x, 'aws_security_group'));
    const ownCidr = all('aws_vpc').find((v) => v.region === s.region)?.body.cidr_block;
    const allowed = all('aws_vpc_security_group_ingress_rule')
      .filter((r) => sgs.includes(ref(r.body.security_group_id, 'aws_security_group')) && r.body.from_port === listener?.body.port && r.body.cidr_ipv4)
      .map((r) => (r.body.cidr_ipv4 === ownCidr ? '<vpc>' : r.body.cidr_ipv4));
    const hc = tg?.body.health_check ?? {};
    const ports = (c.portMappings ?? []).map((p: Json) => p.containerPort).join(',');
    const accessLogs = lb?.body.access_logs;
    out.loadBalancers.push(loadBalancerLine(key, {
      container: `${c.name}:${ports || '(no port)'}${binding.container_name && `${binding.container_name}:${binding.container_port}` !== `${c.name}:${ports}` ? ` (service maps ${binding.container_name}:${binding.container_port})` : ''}`,
      target: tg ? `${tg.body.protocol}:${tg.body.port}` : '(no target group)',
      health: `${hc.protocol ?? tg?.body.protocol}${hc.path ? `:${hc.path}` : ''}`,
      listener: listener ? `${listener.body.protocol}:${listener.body.port}` : '(no listener)',
      ssl: listener?.body.ssl_policy,
      cert: listener?.body.protocol === 'HTTPS' ? tfCertificate(listener.body.certificate_arn) : undefined,
      scheme: lb ? (lb.body.internal ? 'internal' : 'internet-facing') : '(no load balancer)',
      allowed: s.role === CODEC ? allowed.join(',') || '(none)' : undefined,
      dns: s.role === CODEC ? records.filter((r) => lb && ref(r.body.alias?.name, 'aws_lb') === lb.name).map((r) => `${r.body.name} ${r.body.type} alias`).join(',') || '(none)' : undefined,
      deregistration: tg?.body.deregistration_delay,
      accessLogs: s.role === CODEC || accessLogs ? (accessLogs && accessLogs.enabled !== false ? accessLogs.prefix ?? '(no prefix)' : 'off') : undefined,
    }));
  }

  // Failover records, each side with its health check and the alarm the check reads.
  const healthChecks = byName('aws_route53_health_check');
  const alarms = byName('aws_cloudwatch_metric_alarm');
  for (const r of records.filter((x) => x.body.failover_routing_policy)) {
    const target = ref(r.body.records, 'aws_lb');
    const own = healthChecks[ref(r.body.health_check_id, 'aws_route53_health_check') ?? ''];
    // A gated side's check is a CALCULATED one over the side's own check.
    const gate = own?.body.type === 'CALCULATED' ? own : undefined;
    const check = gate ? healthChecks[ref(gate.body.child_healthchecks?.[0], 'aws_route53_health_check') ?? ''] : own;
    const alarm = check && alarms[ref(check.body.cloudwatch_alarm_name, 'aws_cloudwatch_metric_alarm') ?? ''];
    const alarmName = alarm ? alarm.body.alarm_name : check?.body.cloudwatch_alarm_name;
    out.failoverRecords.push(`${r.body.name} ${r.body.failover_routing_policy.type} -> ${target ? lbLabel(target) : normalize(r.body.records)} ${r.body.type}`
      + ` ttl=${r.body.ttl} check=${check?.body.type ?? '(none)'} insufficientData=${check?.body.insufficient_data_health_status ?? '(unset)'}`
      + ` alarm=${alarmName ? `${alarmName}@${check.body.cloudwatch_alarm_region}` : '(none)'}`
      + (gate ? gateSuffix(gate.body.tags?.[FAILOVER_DEFAULTS.gate.tagKey], tfStateValue(gate.body.child_health_threshold)) : ''));
    if (alarm) {
      const b = alarm.body;
      const on = ref(b.dimensions?.LoadBalancer, 'aws_lb');
      out.healthAlarms.push(alarmLine(r.body.name.split('.')[0], alarm.region, {
        name: b.alarm_name,
        on: on ? lbLabel(on) : '<ref>',
        namespace: b.namespace,
        metric: b.metric_name,
        statistic: b.statistic,
        period: b.period,
        evaluationPeriods: b.evaluation_periods,
        datapoints: b.datapoints_to_alarm,
        threshold: b.threshold,
        comparison: b.comparison_operator,
        missing: b.treat_missing_data,
      }));
    }
  }

  // Private zone records (the Temporal names resolved through PrivateLink).
  const zones = byName('aws_route53_zone');
  // A codec server's name and its certificate's validation record are compared with its load balancer.
  const codecRecord = (r: TfResource) => String(r.body.name).includes('(aws_acm_certificate.') || lbLabel(ref(r.body.alias?.name, 'aws_lb') ?? '').startsWith(`<${CODEC} `);
  for (const r of records.filter((x) => !x.body.failover_routing_policy && !codecRecord(x))) {
    const zone = zones[ref(r.body.zone_id, 'aws_route53_zone') ?? ''];
    for (const v of zone?.body.vpc ?? [{ vpc_region: '(public zone)' }]) {
      out.zoneRecords.push(`${v.vpc_region ?? zone.region} ${zone?.body.name ?? '(no zone)'} ${r.body.name} ${r.body.type} ${r.body.alias ? 'alias' : `ttl=${r.body.ttl}`}`);
    }
  }

  // Capacity alarms (a value that follows the state is a conditional on the state parameter: `${<live> == "<region>" ? <a> : <b>}`).
  const conditional = (v: unknown): string => {
    const m = typeof v === 'string' ? /^\$\{.*\?\s*"?([^":]*?)"?\s*:\s*"?([^"]*?)"?\s*\}$/.exec(v) : null;
    return m ? byState(m[1], m[2]) : String(v);
  };
  for (const a of all('aws_cloudwatch_metric_alarm').filter((x) => x.body.metric_name === FAILOVER_DEFAULTS.capacityAlarm.metricName)) {
    const b = a.body;
    out.capacityAlarms.push(capacityAlarmLine(a.region, {
      name: b.alarm_name,
      namespace: b.namespace,
      metric: b.metric_name,
      statistic: b.statistic,
      dimensions: Object.keys(b.dimensions ?? {}).join(','),
      period: b.period,
      evaluationPeriods: b.evaluation_periods,
      datapoints: b.datapoints_to_alarm,
      threshold: conditional(b.threshold),
      comparison: b.comparison_operator,
      missing: conditional(b.treat_missing_data),
    }));
  }

  // Serverless Worker functions.
  const aliases = all('aws_lambda_alias');
  for (const f of all('aws_lambda_function')) {
    const vars = f.body.environment?.variables ?? {};
    if (!vars.TEMPORAL_NAMESPACE) continue;
    const key = `${f.region} function ${vars.TEMPORAL_NAMESPACE}`;
    out.functions.push(functionLine(key, {
      runtime: f.body.runtime,
      memory: f.body.memory_size,
      timeout: f.body.timeout,
      arch: (f.body.architectures ?? ['(unset)']).join(','),
      handler: f.body.handler,
      logs: retentionOf(f.body.logging_config?.log_group),
      alias: aliases.find((a) => ref(a.body.function_name, 'aws_lambda_function') === f.name)?.body.name,
    }));
    out.environment.push(...functionEnvironmentLines(key, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, normalize(v)]))));
  }
  for (const e of all('aws_vpc_endpoint')) {
    const line = serviceEndpointLine(e.region, e.body.service_name, e.body.vpc_endpoint_type, e.body.private_dns_enabled);
    if (line) out.serviceEndpoints.push(line);
  }
  const tfKeys = byRegionOf(all('aws_kms_key'));
  for (const [region, groups] of byRegionOf(all('aws_cloudwatch_log_group'))) {
    const keys = (tfKeys.get(region) ?? []).map((k) => ({ rotation: k.body.enable_key_rotation, window: k.body.deletion_window_in_days }));
    out.hardening.push(logKeyLine(region, keys, groups.map((g) => ref(g.body.kms_key_id, 'aws_kms_key') !== undefined)));
  }
  for (const lb of all('aws_lb')) out.hardening.push(`${lb.region} ${lb.body.load_balancer_type} deletionProtection=${lb.body.enable_deletion_protection === true}`);
  for (const f of all('aws_lambda_function')) {
    const ns = f.body.environment?.variables?.TEMPORAL_NAMESPACE;
    if (!ns) continue;
    const queue = byName('aws_sqs_queue')[ref(f.body.dead_letter_config?.target_arn, 'aws_sqs_queue') ?? ''];
    const days = queue ? queue.body.message_retention_seconds / 86400 : 'none';
    out.hardening.push(`${f.region} function ${ns} reserved=${f.body.reserved_concurrent_executions ?? '(unset)'} deadLetter=${days}`);
  }
  return settingSet(out);
}

// ---------------------------------------------------------------------------------------------
// From CloudFormation templates (the AWS CDK flavour)
// ---------------------------------------------------------------------------------------------

/** The settings a set of CloudFormation stacks (by region) writes; references between stacks are followed. */
export function settingsFromCloudFormation(templatesByRegion: Record<string, Json | CloudFormationStack[]>): SettingSet {
  const out = emptyParts();
  const { stacks, refs, literal, ofType, first } = cloudFormationIndex(templatesByRegion);
  const attribute = (attrs: Json[] | undefined, key: string) => (attrs ?? []).find((a) => a.Key === key)?.Value;

  const services = ofType('AWS::ECS::Service').map((s) => {
    const td = first(s.r.Properties.TaskDefinition, s.stackName, 'AWS::ECS::TaskDefinition');
    const c: Json = td?.r.Properties.ContainerDefinitions?.[0] ?? {};
    const env = Object.fromEntries((c.Environment ?? []).map((e: Json) => [e.Name, e.Value])) as Record<string, unknown>;
    const role = 'CORS_ALLOWED_ORIGINS' in env ? CODEC : 'TEMPORAL_PROXY_UPSTREAM' in env ? PROXY : undefined;
    return { ...s, td, c, env, role };
  });
  const listeners = ofType('AWS::ElasticLoadBalancingV2::Listener');
  const serviceBehind = (lb: CfnResource) => {
    const tgs = listeners.filter((l) => refs(l.r.Properties.LoadBalancerArn, l.stackName).some((x) => x.key === lb.key))
      .flatMap((l) => refs(l.r.Properties.DefaultActions, l.stackName).map((x) => x.key));
    return services.find((x) => (x.r.Properties.LoadBalancers ?? [])
      .some((b: Json) => refs(b.TargetGroupArn, x.stackName).some((g) => tgs.includes(g.key))));
  };
  const label = (r: CfnResource | undefined): string => {
    if (r?.r.Type !== 'AWS::ElasticLoadBalancingV2::LoadBalancer') return '<ref>';
    const behind = serviceBehind(r);
    return behind?.role ? componentRef(behind.role, r.region) : '<ref>';
  };
  /** A value as text, each reference normalized (a load balancer's DNS name: the component behind it). */
  const normalize = (value: unknown, stackName: string): string => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    const lit = literal(value);
    if (lit !== undefined) return lit;
    if (value && typeof value === 'object' && 'Fn::Join' in (value as Json)) {
      const [sep, parts] = (value as Json)['Fn::Join'];
      return (parts as unknown[]).map((p) => normalize(p, stackName)).join(sep);
    }
    if (value && typeof value === 'object' && 'Ref' in (value as Json) && String((value as Json).Ref).startsWith('AWS::')) return '<ref>';
    return label(refs(value, stackName)[0]);
  };
  /** The load balancer a value names: directly, or through one of its listeners (a full name is cut from a listener ARN). */
  const loadBalancerOf = (value: unknown, stackName: string): CfnResource | undefined => {
    const r = refs(value, stackName).find((x) => x.r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' || x.r.Type === 'AWS::ElasticLoadBalancingV2::Listener');
    return r?.r.Type === 'AWS::ElasticLoadBalancingV2::Listener' ? first(r.r.Properties.LoadBalancerArn, r.stackName, 'AWS::ElasticLoadBalancingV2::LoadBalancer') : r;
  };
  const retentionOf = (value: unknown, stackName: string) => first(value, stackName, 'AWS::Logs::LogGroup')?.r.Properties.RetentionInDays;
  /** The fleet's role, from the output the CDK flavour writes per fleet (`worker fleet for <ns> in <region> (<state>)`). */
  const roleOf = (s: CfnResource) => {
    const st = stacks.find((x) => x.stackName === s.stackName)!;
    const o = Object.values<Json>(st.template.Outputs ?? {}).find((x) => refs(x.Value, s.stackName).some((r) => r.key === s.key)
      && /^\w+ fleet for /.test(x.Description ?? ''));
    return /^(\w+) fleet for /.exec(o?.Description ?? '')?.[1] ?? '(no role output)';
  };

  for (const s of services) {
    const c = s.c;
    const fleet = 'TEMPORAL_ADDRESS' in s.env && 'TEMPORAL_NAMESPACE' in s.env;
    if (!fleet && !s.role) continue;
    const key = fleet ? `${s.region} ${roleOf(s)} ${s.env.TEMPORAL_NAMESPACE}` : `${s.region} ${s.role}`;
    const target = ofType('AWS::ApplicationAutoScaling::ScalableTarget')
      .find((t) => refs(t.r.Properties.ResourceId, t.stackName).some((x) => x.key === s.key));
    const policy = target && ofType('AWS::ApplicationAutoScaling::ScalingPolicy')
      .find((p) => refs(p.r.Properties.ScalingTargetId, p.stackName).some((x) => x.key === target.key));
    const tt = policy?.r.Properties.TargetTrackingScalingPolicyConfiguration;
    const td = s.td?.r.Properties ?? {};
    out.services.push(serviceLine(key, {
      cpu: td.Cpu,
      memory: td.Memory,
      arch: td.RuntimePlatform?.CpuArchitecture,
      desired: cfnStateValue(s.r.Properties.DesiredCount),
      scaling: target && {
        min: cfnStateValue(target.r.Properties.MinCapacity),
        max: cfnStateValue(target.r.Properties.MaxCapacity),
        targetCpu: tt?.PredefinedMetricSpecification?.PredefinedMetricType === 'ECSServiceAverageCPUUtilization' ? tt.TargetValue : '(no CPU policy)',
        scaleOut: tt?.ScaleOutCooldown,
        scaleIn: tt?.ScaleInCooldown,
      },
      logs: retentionOf(c.LogConfiguration?.Options?.['awslogs-group'], s.td?.stackName ?? s.stackName),
      stopTimeout: c.StopTimeout,
      health: c.HealthCheck && ['Command', 'Interval', 'Timeout', 'Retries', 'StartPeriod'].map((k) => c.HealthCheck[k]),
    }));
    const stackOfTd = s.td?.stackName ?? s.stackName;
    const plain = Object.fromEntries(Object.entries(s.env).map(([k, v]) => [k, normalize(v, stackOfTd)]));
    out.environment.push(...environmentLines(key, plain, (c.Secrets ?? []).map((x: Json) => x.Name)));

    if (!s.role) continue;
    const binding: Json = (s.r.Properties.LoadBalancers ?? [])[0] ?? {};
    const tg = first(binding.TargetGroupArn, s.stackName, 'AWS::ElasticLoadBalancingV2::TargetGroup');
    const listener = tg && listeners.find((l) => refs(l.r.Properties.DefaultActions, l.stackName).some((x) => x.key === tg.key));
    const lb = listener && first(listener.r.Properties.LoadBalancerArn, listener.stackName, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    const ownCidr = ofType('AWS::EC2::VPC').find((v) => v.region === s.region)?.r.Properties.CidrBlock;
    const sgs = lb ? refs(lb.r.Properties.SecurityGroups, lb.stackName).filter((x) => x.r.Type === 'AWS::EC2::SecurityGroup') : [];
    const ingress = sgs.flatMap((sg) => [
      ...(sg.r.Properties.SecurityGroupIngress ?? []),
      ...ofType('AWS::EC2::SecurityGroupIngress').filter((r) => refs(r.r.Properties.GroupId, r.stackName).some((x) => x.key === sg.key)).map((r) => r.r.Properties),
    ]);
    const allowed = ingress.filter((r: Json) => r.FromPort === listener?.r.Properties.Port && r.CidrIp)
      .map((r: Json) => (r.CidrIp === ownCidr ? '<vpc>' : r.CidrIp));
    const tgp = tg?.r.Properties ?? {};
    const ports = (c.PortMappings ?? []).map((p: Json) => p.ContainerPort).join(',');
    const lbAttrs = lb?.r.Properties.LoadBalancerAttributes;
    const logsOn = attribute(lbAttrs, 'access_logs.s3.enabled') === 'true';
    out.loadBalancers.push(loadBalancerLine(key, {
      container: `${c.Name}:${ports || '(no port)'}${binding.ContainerName && `${binding.ContainerName}:${binding.ContainerPort}` !== `${c.Name}:${ports}` ? ` (service maps ${binding.ContainerName}:${binding.ContainerPort})` : ''}`,
      target: tg ? `${tgp.Protocol}:${tgp.Port}` : '(no target group)',
      health: `${tgp.HealthCheckProtocol ?? tgp.Protocol}${tgp.HealthCheckPath ? `:${tgp.HealthCheckPath}` : ''}`,
      listener: listener ? `${listener.r.Properties.Protocol}:${listener.r.Properties.Port}` : '(no listener)',
      ssl: listener?.r.Properties.SslPolicy,
      cert: listener?.r.Properties.Protocol === 'HTTPS' ? (listener.r.Properties.Certificates ?? []).map((x: Json) => {
        const requested = first(x.CertificateArn, listener.stackName, 'AWS::CertificateManager::Certificate');
        return requested ? `(requested for ${requested.r.Properties.DomainName})` : normalize(x.CertificateArn, listener.stackName);
      }).join(',') || '(none)' : undefined,
      scheme: lb?.r.Properties.Scheme ?? '(no load balancer)',
      allowed: s.role === CODEC ? allowed.join(',') || '(none)' : undefined,
      dns: s.role === CODEC ? ofType('AWS::Route53::RecordSet')
        .filter((r) => lb && r.r.Properties.AliasTarget && refs(r.r.Properties.AliasTarget, r.stackName).some((x) => x.key === lb.key))
        .map((r) => `${String(r.r.Properties.Name).replace(/\.$/, '')} ${r.r.Properties.Type} alias`).join(',') || '(none)' : undefined,
      deregistration: attribute(tgp.TargetGroupAttributes, 'deregistration_delay.timeout_seconds'),
      accessLogs: s.role === CODEC || logsOn ? (logsOn ? attribute(lbAttrs, 'access_logs.s3.prefix') ?? '(no prefix)' : 'off') : undefined,
    }));
  }

  // Failover records (repeated in each worker region's zone), each side with its health check and alarm.
  const strip = (n: string) => n.replace(/\.$/, '');
  const alarms = ofType('AWS::CloudWatch::Alarm');
  const records = ofType('AWS::Route53::RecordSet');
  for (const r of records.filter((x) => x.r.Properties.Failover)) {
    const p = r.r.Properties;
    const target = first(p.ResourceRecords ?? p.AliasTarget, r.stackName, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    const own = first(p.HealthCheckId, r.stackName, 'AWS::Route53::HealthCheck');
    // A gated side's check is a CALCULATED one over the side's own check.
    const gate = own?.r.Properties.HealthCheckConfig?.Type === 'CALCULATED' ? own.r.Properties : undefined;
    const check = (gate ? first(gate.HealthCheckConfig.ChildHealthChecks?.[0], own!.stackName, 'AWS::Route53::HealthCheck') : own)
      ?.r.Properties.HealthCheckConfig;
    const alarmId = check?.AlarmIdentifier;
    const alarmName = alarmId && normalize(alarmId.Name, r.stackName);
    const alarmRegion = alarmId && normalize(alarmId.Region, r.stackName);
    const gateTag = gate?.HealthCheckTags?.find((t: Json) => t.Key === FAILOVER_DEFAULTS.gate.tagKey)?.Value;
    out.failoverRecords.push(`${strip(p.Name)} ${p.Failover} -> ${label(target)} ${p.Type} ttl=${p.TTL} check=${check?.Type ?? '(none)'}`
      + ` insufficientData=${check?.InsufficientDataHealthStatus ?? '(unset)'} alarm=${alarmId ? `${alarmName}@${alarmRegion}` : '(none)'}`
      + (gate ? gateSuffix(gateTag, cfnStateValue(gate.HealthCheckConfig.HealthThreshold)) : ''));
    // CloudWatch-alarm health checks read the alarm by name, in its region.
    const alarm = alarmId && alarms.find((a) => a.region === alarmRegion && literal(a.r.Properties.AlarmName) === alarmName);
    if (alarm) {
      const b = alarm.r.Properties;
      const on = (b.Dimensions ?? []).find((d: Json) => d.Name === 'LoadBalancer');
      out.healthAlarms.push(alarmLine(strip(p.Name).split('.')[0], alarm.region, {
        name: b.AlarmName,
        on: on ? label(loadBalancerOf(on.Value, alarm.stackName)) : '<ref>',
        namespace: b.Namespace,
        metric: b.MetricName,
        statistic: b.Statistic,
        period: b.Period,
        evaluationPeriods: b.EvaluationPeriods,
        datapoints: b.DatapointsToAlarm,
        threshold: b.Threshold,
        comparison: b.ComparisonOperator,
        missing: b.TreatMissingData,
      }));
    }
  }

  // Private zone records.
  // A codec server's name is compared with its load balancer.
  const codecRecord = (r: CfnResource) => r.r.Properties.AliasTarget && label(loadBalancerOf(r.r.Properties.AliasTarget, r.stackName)).startsWith(`<${CODEC} `);
  for (const r of records.filter((x) => !x.r.Properties.Failover && !codecRecord(x))) {
    const p = r.r.Properties;
    const zone = first(p.HostedZoneId, r.stackName, 'AWS::Route53::HostedZone');
    for (const v of zone?.r.Properties.VPCs ?? [{ VPCRegion: '(public zone)' }]) {
      out.zoneRecords.push(`${literal(v.VPCRegion) ?? '(unresolved)'} ${strip(zone?.r.Properties.Name ?? '(no zone)')} ${strip(p.Name)} ${p.Type}`
        + ` ${p.AliasTarget ? 'alias' : `ttl=${p.TTL}`}`);
    }
  }

  // Capacity alarms (a value that follows the state is `Fn::If` on the state's condition: while active, on standby).
  const conditional = (v: unknown): string => {
    const ifs = v && typeof v === 'object' ? (v as Json)['Fn::If'] : undefined;
    return ifs ? byState(ifs[1], ifs[2]) : String(v);
  };
  for (const a of alarms.filter((x) => x.r.Properties.MetricName === FAILOVER_DEFAULTS.capacityAlarm.metricName)) {
    const b = a.r.Properties;
    out.capacityAlarms.push(capacityAlarmLine(a.region, {
      name: b.AlarmName,
      namespace: b.Namespace,
      metric: b.MetricName,
      statistic: b.Statistic,
      dimensions: (b.Dimensions ?? []).map((d: Json) => d.Name).join(','),
      period: b.Period,
      evaluationPeriods: b.EvaluationPeriods,
      datapoints: b.DatapointsToAlarm,
      threshold: conditional(b.Threshold),
      comparison: b.ComparisonOperator,
      missing: conditional(b.TreatMissingData),
    }));
  }

  // Serverless Worker functions (the custom resources' functions have no TEMPORAL_NAMESPACE).
  const aliases = ofType('AWS::Lambda::Alias');
  for (const f of ofType('AWS::Lambda::Function')) {
    const p = f.r.Properties;
    const vars: Json = p.Environment?.Variables ?? {};
    if (!vars.TEMPORAL_NAMESPACE) continue;
    const key = `${f.region} function ${vars.TEMPORAL_NAMESPACE}`;
    out.functions.push(functionLine(key, {
      runtime: p.Runtime,
      memory: p.MemorySize,
      timeout: p.Timeout,
      arch: (p.Architectures ?? ['(unset)']).join(','),
      handler: p.Handler,
      logs: retentionOf(p.LoggingConfig?.LogGroup, f.stackName),
      alias: aliases.find((a) => refs(a.r.Properties.FunctionName, a.stackName).some((x) => x.key === f.key))?.r.Properties.Name,
    }));
    out.environment.push(...functionEnvironmentLines(key, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, normalize(v, f.stackName)]))));
  }
  // AWS service endpoint names are written with the stack's region as a reference (`com.amazonaws.${AWS::Region}.ecr.api`).
  const inRegion = (v: unknown, region: string): string => (typeof v === 'string' ? v : (v as Json)?.Ref === 'AWS::Region' ? region
    : (v as Json)?.['Fn::Join'] ? (v as Json)['Fn::Join'][1].map((x: unknown) => inRegion(x, region)).join((v as Json)['Fn::Join'][0]) : '<ref>');
  for (const e of ofType('AWS::EC2::VPCEndpoint')) {
    const p = e.r.Properties;
    const line = serviceEndpointLine(e.region, inRegion(p.ServiceName, e.region), p.VpcEndpointType ?? 'Gateway', p.PrivateDnsEnabled);
    if (line) out.serviceEndpoints.push(line);
  }
  const cfnKeys = byRegionOf(ofType('AWS::KMS::Key'));
  for (const [region, groups] of byRegionOf(ofType('AWS::Logs::LogGroup'))) {
    const keys = (cfnKeys.get(region) ?? []).map((k) => ({ rotation: k.r.Properties.EnableKeyRotation, window: k.r.Properties.PendingWindowInDays }));
    out.hardening.push(logKeyLine(region, keys, groups.map((g) => refs(g.r.Properties.KmsKeyId, g.stackName).some((k) => k.r.Type === 'AWS::KMS::Key'))));
  }
  for (const lb of ofType('AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    const p = lb.r.Properties;
    out.hardening.push(`${lb.region} ${p.Type ?? 'application'} deletionProtection=${attribute(p.LoadBalancerAttributes, 'deletion_protection.enabled') === 'true'}`);
  }
  for (const f of ofType('AWS::Lambda::Function')) {
    const p = f.r.Properties;
    const ns = p.Environment?.Variables?.TEMPORAL_NAMESPACE;
    if (!ns) continue;
    const queue = p.DeadLetterConfig ? first(p.DeadLetterConfig.TargetArn, f.stackName, 'AWS::SQS::Queue') : undefined;
    const days = queue ? queue.r.Properties.MessageRetentionPeriod / 86400 : 'none';
    out.hardening.push(`${f.region} function ${ns} reserved=${p.ReservedConcurrentExecutions ?? '(unset)'} deadLetter=${days}`);
  }
  return settingSet(out);
}
