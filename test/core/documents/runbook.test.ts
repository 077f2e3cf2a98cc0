import { ComponentRouting, DeploymentPattern, DeploymentPlan, DeploymentRequest, planDeployment, PollerForwarding } from '../../../lib/core';
import { failoverRunbookDocuments, RunbookRefs } from '../../../lib/core/components/failover-runbook';
import { estimateRecoveryTime, renderRunbook } from '../../../lib/core/documents';
import { activeActiveRequest, coldRequest, hotRequest, serverlessRequest, shard, shardedRequest } from '../support';

const REQUESTS: Record<string, DeploymentRequest> = {
  'Active/Cold with starters, proxies, failover names and the Cloud Ops API': coldRequest({
    starters: true,
    components: { proxy: true, routing: ComponentRouting.FAILOVER_DNS },
    failover: { cloudOpsApi: { apiKeySecretName: 'temporal/cloud-ops-api-key' }, recoveryTimeObjectiveSeconds: 600 },
  }),
  'Active/Hot': hotRequest({ starters: true }),
  'Active/Active': activeActiveRequest(),
  'serverless Workers': serverlessRequest(),
  'regionally sharded namespaces': shardedRequest([shard('east', 'us-east-1', 'us-west-2'), shard('west', 'us-west-2', 'us-east-1', { pattern: DeploymentPattern.ACTIVE_COLD })]),
};
const CASES: Array<[string, DeploymentPlan, string]> = Object.entries(REQUESTS).map(([name, r]) => {
  const plan = planDeployment(r);
  return [name, plan, renderRunbook(plan)];
});

/** The step names of the activate documents, as the deployment ships them (engine values do not change names). */
function stepNames(plan: DeploymentPlan): string[] {
  const refs: RunbookRefs = { partition: 'aws', account: '111111111111', clusterName: () => 'cluster', serviceName: (s) => s.id };
  return plan.failover.units.flatMap((u) => u.regions.flatMap((r) =>
    ((failoverRunbookDocuments(plan, u, r, refs).activate.mainSteps ?? []) as Array<{ name: string }>).map((s) => s.name)));
}

describe('the runbook names everything of this deployment', () => {
  test.each(CASES)('%s: every service, record, alarm, runbook, step and region', (_name, plan, text) => {
    for (const r of plan.regions) {
      expect(text).toContain(`### ${r.awsRegion}`);
      for (const f of r.fleets) expect(text).toMatch(new RegExp(`\\| ${f.role} fleet \\| \`${f.id}\` \\|`));
      for (const c of r.codecServers) expect(text).toContain(`| codec server | \`${c.id}\` |`);
      for (const p of r.proxies) expect(text).toContain(`| proxy | \`${p.id}\` |`);
      for (const fn of r.functions) expect(text).toContain(`| serverless Workers | \`${fn.namespace}\` | Build ID ${fn.buildId}`);
      for (const z of r.zoneRecords) expect(text).toContain(`| private record | \`${z.name}\` |`);
      for (const a of r.capacityAlarms) expect(text).toContain(`\`${a.alarmName}\``);
    }
    for (const rec of plan.failoverRecords) {
      expect(text).toContain(`\`${rec.recordName}\``);
      for (const a of Object.values(rec.alarms)) expect(text).toContain(`\`${a.alarmName}\``);
    }
    for (const u of plan.failover.units) {
      expect(text).toContain(u.parameterName);
      for (const b of u.runbooks) {
        expect(text).toContain(`aws ssm start-automation-execution --document-name ${b.activateDocumentName} --region ${b.awsRegion}`);
        expect(text).toContain(`\`${b.standbyDocumentName}\``);
        expect(text).toContain(`\`${b.roleName}\``);
      }
    }
    const steps = stepNames(plan);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of new Set(steps)) expect(text).toContain(`\`${s}\` (aws:`);
  });

  test.each(CASES)('%s: both directions, with the console and every step by hand', (_name, plan, text) => {
    for (const u of plan.failover.units) {
      const [first, second] = u.regions;
      const heading = (r: string) => `### Fail over to ${r}${plan.failover.units.length > 1 ? ` (unit \`${u.id}\`` : ''}`;
      // The declared active region is the first: failing over goes to the second, failing back to the first.
      expect(u.declaredActiveRegion).toBe(first);
      expect(text.indexOf(heading(second))).toBeGreaterThan(text.indexOf('## Fail over'));
      expect(text.indexOf(heading(second))).toBeLessThan(text.indexOf('## Fail back'));
      expect(text.indexOf('## Fail back')).toBeLessThan(text.indexOf(heading(first)));
      for (const r of u.regions) {
        expect(text).toContain(`AWS Systems Manager console in ${r} > Change Management > Automation > Execute automation`);
        expect(text).toContain(`aws ssm put-parameter --name ${u.parameterName} --value ${r} --type String --overwrite --region ${r}`);
        expect(text).toContain(`tcld namespace failover --namespace ${u.namespace} --region ${r}`);
      }
    }
  });

  test.each(CASES)('%s: the recovery-time table lists every part with its assumption and source', (_name, plan, text) => {
    const estimate = estimateRecoveryTime(plan);
    for (const u of estimate.units) {
      expect(text).toContain(`: ${u.failedRegion} fails, ${u.activeRegion} takes over: ${u.totalSeconds} s`);
      for (const p of u.paths) {
        expect(text).toContain(`| **${p.label}** |  | **${p.seconds}** |`);
        for (const part of p.parts) expect(text).toContain(`|  | ${part.label} | ${part.seconds} | ${part.assumption.replace(/\|/g, '\\|')} | ${part.source} |`);
      }
    }
  });
});

describe('the sections a user relies on', () => {
  const [, coldPlan, cold] = CASES[0];

  test('the by-hand steps scale exactly the services that follow the state, named from the deployment\'s outputs', () => {
    expect(cold).toContain('US_WEST_2_WORKERS_SERVICE=...   # output WorkersServiceName (us-west-2)');
    expect(cold).toContain('aws application-autoscaling register-scalable-target --service-namespace ecs --resource-id "service/$US_WEST_2_CLUSTER/$US_WEST_2_WORKERS_SERVICE" '
      + '--scalable-dimension ecs:service:DesiredCount --min-capacity 2 --max-capacity 10 --region us-west-2');
    expect(cold).toContain('aws ecs update-service --cluster "$US_WEST_2_CLUSTER" --service "$US_WEST_2_PROXY_SERVICE" --desired-count 2 --region us-west-2');
    expect(cold).toContain('aws route53 update-health-check --health-check-id <id of tag temporal-ha:failover-gate=orders/codec> --health-threshold 2');
    expect(cold).toContain('aws ssm start-automation-execution --document-name orders-standby-us-east-1 --region us-east-1');
    expect(cold).toContain('--parameters NamespaceFailover=verify,ScaleDownOtherRegions=true');
  });

  test('what the namespace needs: forwarding per pattern, the replica, Temporal-initiated failovers, the endpoints', () => {
    const hot = renderRunbook(planDeployment(hotRequest({ namespace: { pollerForwarding: PollerForwarding.DISABLED } })));
    expect(hot).toContain('Poller forwarding (`spec.highAvailability.disablePassivePollerForwarding`): must be disabled');
    expect(cold).toContain('enabled (Temporal\'s default) is recommended');
    expect(cold).toContain('Declared: not declared (Temporal\'s default: enabled).');
    expect(cold).toContain('- Replica: us-west-2, with the primary in us-east-1.');
    expect(cold).toContain('- Temporal-initiated failovers: keep them enabled');
    expect(cold).toContain('| us-west-2 | worker fleet workers | `orders.a1b2c.tmprl.cloud:7233` (through the proxy) |');
  });

  test('before and after checks, and what happens while a region is down', () => {
    for (const heading of ['## Before you fail over', '## After the failover', '## While a region is down', '## Recovery time', '## Everything by name']) {
      expect(cold).toContain(heading);
    }
    expect(cold).toContain('Replication lag');
    expect(cold).toContain('aws ssm get-parameter --name /temporal-ha/orders/main/active-region --region us-west-2 --query Parameter.Value --output text');
    expect(cold).toContain('Reconcile when it is back: run the activate runbook of the active region again');
    expect(cold).toContain('control plane, hosted in us-east-1');
  });

  test('the summary names the pattern, the declared active region and the objective', () => {
    expect(cold).toContain('| Pattern | Active/Passive (Cold) (`active-cold`) |');
    expect(cold).toContain('| `main` | `orders.a1b2c` | us-east-1, us-west-2 | us-east-1 | `/temporal-ha/orders/main/active-region` |');
    expect(cold).toContain('| Recovery-time objective | 600 s |');
    expect(cold).toContain(`| Estimated recovery time | ${estimateRecoveryTime(coldPlan).totalSeconds} s`);
  });

  test('without the Cloud Ops API, failing the namespace over is a step of its own', () => {
    const hot = renderRunbook(planDeployment(hotRequest()));
    expect(hot).toContain('The namespace: unless Temporal already failed it over, fail `orders.a1b2c` over to us-west-2');
    expect(hot).not.toContain('`NamespaceFailover` (aws:');
  });

  test('a deployment without a failover unit says so', () => {
    const text = renderRunbook(planDeployment(hotRequest({ namespace: { replicaRegion: undefined }, pattern: DeploymentPattern.SINGLE_REGION })));
    expect(text).toContain('This deployment has no failover unit');
    expect(text).not.toContain('## Fail over');
  });
});
