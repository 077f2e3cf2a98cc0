/**
 * Prints what a `cdk synth` wrote: per stack, its region, resource counts, and the facts that decide
 * failover (each Worker's Temporal address, VPC endpoint services, private DNS records).
 *
 *   npx ts-node --transpile-only examples/summarize-cdk-out.ts examples/active-hot/cdk.out
 */
import * as fs from 'fs';
import * as path from 'path';

const dir = process.argv[2] ?? 'cdk.out';
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const stacks = Object.entries<any>(manifest.artifacts ?? {}).filter(([, a]) => a.type === 'aws:cloudformation:stack');
if (stacks.length === 0) {
  console.error(`no stacks in ${dir}`);
  process.exit(1);
}

const show = (v: unknown): string => typeof v === 'string' ? v : JSON.stringify(v);
console.log(`${dir}: ${stacks.length} stack(s)\n`);
for (const [name, artifact] of stacks) {
  const template = JSON.parse(fs.readFileSync(path.join(dir, artifact.properties.templateFile), 'utf8'));
  const resources = Object.entries<any>(template.Resources ?? {});
  console.log(`${name}  (${artifact.environment})  ${resources.length} resources`);
  const counts = new Map<string, number>();
  for (const [, r] of resources) counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1);
  const interesting = ['AWS::EC2::VPC', 'AWS::EC2::VPCEndpoint', 'AWS::Route53::HostedZone', 'AWS::Route53::RecordSet',
    'AWS::ECS::Cluster', 'AWS::ECS::Service', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::EC2::VPCPeeringConnection'];
  console.log(`  ${interesting.filter((t) => counts.has(t)).map((t) => `${t.split('::').slice(1).join('::')} x${counts.get(t)}`).join(', ')}`);
  for (const [id, r] of resources) {
    const p = r.Properties ?? {};
    if (r.Type === 'AWS::EC2::VPCEndpoint') console.log(`  VPC endpoint ${id}: ${show(p.ServiceName)} (private DNS ${p.PrivateDnsEnabled})`);
    if (r.Type === 'AWS::Route53::HostedZone') console.log(`  private zone ${id}: ${p.Name}`);
    if (r.Type === 'AWS::Route53::RecordSet') console.log(`  record ${p.Type} ${p.Name} -> ${show(p.ResourceRecords ?? p.AliasTarget)}`);
    if (r.Type === 'AWS::ECS::TaskDefinition') {
      for (const c of p.ContainerDefinitions ?? []) {
        const env = Object.fromEntries((c.Environment ?? []).map((e: any) => [e.Name, show(e.Value)]));
        const secrets = (c.Secrets ?? []).map((s: any) => s.Name);
        if (env.TEMPORAL_ADDRESS) {
          console.log(`  worker ${id}: TEMPORAL_ADDRESS=${env.TEMPORAL_ADDRESS} TEMPORAL_NAMESPACE=${env.TEMPORAL_NAMESPACE}`
            + `${env.TEMPORAL_TLS_SERVER_NAME ? ` TEMPORAL_TLS_SERVER_NAME=${env.TEMPORAL_TLS_SERVER_NAME}` : ''} secrets=[${secrets.join(', ')}]`);
        }
      }
    }
    if (r.Type === 'AWS::ECS::Service') console.log(`  service ${id}: desired ${p.DesiredCount ?? '(default)'}`);
  }
  console.log('');
}

// The documents each deployment writes at synth: <cdk.out>/temporal-ha/<deployment path>/{topology.mmd,runbook.md}.
const documents = path.join(dir, 'temporal-ha');
const deployments = fs.existsSync(documents) ? fs.readdirSync(documents).filter((d) => fs.statSync(path.join(documents, d)).isDirectory()) : [];
if (deployments.length === 0) {
  console.error(`no topology diagram or runbook in ${documents}`);
  process.exitCode = 1;
}
for (const d of deployments) {
  console.log(`deployment ${d}:`);
  for (const [file, what] of [['topology.mmd', 'topology diagram (Mermaid)'], ['runbook.md', 'failover runbook (Markdown)']]) {
    const at = path.join(documents, d, file);
    console.log(`  ${what}: ${fs.existsSync(at) ? at : `missing (${at})`}`);
    if (!fs.existsSync(at)) process.exitCode = 1;
  }
}
