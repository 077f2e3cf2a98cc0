import { egressOf, regionNetwork, runsTasks, ServiceEndpointType } from '../components/network';
import { NetworkPath, Severity, WorkerEgress, WorkerRuntime } from '../model';
import { DOCS, Rule, RuleHit } from './rule';

/**
 * Without internet egress (`WorkerEgress.VPC_ENDPOINTS`), Workers reach Temporal Cloud only through PrivateLink, and AWS services only through the
 * VPC endpoints: the construct's own VPC gets them, a supplied VPC gets them unless the platform team says they exist.
 */
export const NETWORK_EGRESS: Rule = {
  id: 'TEMPORAL_NETWORK_EGRESS',
  severity: Severity.ERROR,
  summary: 'Without internet egress, Workers reach Temporal Cloud through PrivateLink and AWS services through VPC endpoints (created, or existing in a supplied VPC).',
  source: {
    ...DOCS.ECR_VPC_ENDPOINTS,
    quote: 'Amazon ECS tasks hosted on Fargate using platform version 1.4.0 or later require both the com.amazonaws.region.ecr.dkr and com.amazonaws.region.ecr.api Amazon ECR VPC endpoints as well as the Amazon S3 gateway endpoint.',
  },
  check(plan) {
    const hits: RuleHit[] = [];
    const egress = egressOf(plan);
    const isolated = egress === WorkerEgress.VPC_ENDPOINTS;
    const dialsTemporal = plan.regions.some((r) => r.proxies.length > 0 || r.fleets.some((f) => f.runtime === WorkerRuntime.FARGATE));
    if (isolated && plan.request.networkPath === NetworkPath.PUBLIC && dialsTemporal) {
      hits.push({
        prop: 'egress',
        value: `'${egress}' (and connectivity = public)`,
        message: 'without internet egress, Workers have no path to Temporal Cloud\'s public endpoints (serverless functions outside a VPC would be unaffected).',
        fix: 'set connectivity: Connectivity.privateLink() (Temporal Cloud through AWS PrivateLink), or egress: WorkerEgress.NAT_GATEWAY.',
      });
    }
    for (const p of plan.placements) {
      const region = plan.regions.find((r) => r.awsRegion === p.awsRegion);
      if (p.createAwsServiceEndpoints !== undefined && !isolated) {
        hits.push({
          prop: `${p.propPath}.createAwsServiceEndpoints`,
          value: String(p.createAwsServiceEndpoints),
          message: `it applies only without internet egress, and egress is '${egress}', so it would be ignored.`,
          fix: 'remove it, or set egress: WorkerEgress.VPC_ENDPOINTS.',
        });
      }
      if (!isolated || !region?.needsVpc) continue;
      if (p.createAwsServiceEndpoints === false && !p.suppliedVpc) {
        hits.push({
          prop: `${p.propPath}.createAwsServiceEndpoints`,
          value: 'false',
          message: `the construct creates the VPC of ${p.awsRegion} without internet egress; without the AWS service endpoints its tasks could not pull images, write logs or read their credentials.`,
          fix: `remove it (the construct creates the endpoints), or supply ${p.propPath}.vpc, a VPC that has them.`,
        });
      }
      const gateway = regionNetwork(plan, region).serviceEndpoints.some((e) => e.type === ServiceEndpointType.GATEWAY);
      if (p.suppliedVpc && p.privateRouteTables === false && runsTasks(region) && gateway) {
        hits.push({
          prop: `${p.propPath}.vpc.privateRouteTableIds`,
          value: '(not set)',
          message: 'the S3 gateway endpoint (Amazon ECR serves image layers from S3) is a route in the route tables of the subnets the tasks run in.',
          fix: `add privateRouteTableIds to ${p.propPath}.vpc, or set ${p.propPath}.createAwsServiceEndpoints: false if the VPC has the endpoints.`,
        });
      }
    }
    return hits;
  },
};
