/** Small helpers shared by the CDK for Terraform blocks (no engine import of their own). */

/** An IAM policy document as JSON (tokens inside are resolved by cdktf into Terraform interpolations). */
export function policyDocument(statements: PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** One IAM policy statement. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource?: string | string[];
  readonly Principal?: { [kind: string]: string | string[] };
  readonly Condition?: { [operator: string]: { [key: string]: string | string[] } };
}

/** The trust policy of a role assumed by an AWS service (`ecs-tasks.amazonaws.com`, ...). */
export function serviceTrustPolicy(service: string): string {
  return policyDocument([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }]);
}

/** A name AWS accepts for services, clusters and functions: letters, digits, hyphens; at most `max` characters. */
export function awsName(parts: string[], max = 64): string {
  const s = parts.join('-').replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return s.length <= max ? s : `${s.slice(0, max - 9)}-${hash(s)}`;
}

function hash(s: string): string {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) % 4294967296;
  return h.toString(16).padStart(8, '0');
}

/** The subnet CIDRs of a created VPC: two /24 public and two /20 private subnets of a /16. */
export function subnetCidrs(vpcCidr: string, azCount: number): { publicCidrs: string[]; privateCidrs: string[] } | undefined {
  const m = /^(\d+)\.(\d+)\.0\.0\/16$/.exec(vpcCidr);
  if (!m) return undefined;
  const base = `${m[1]}.${m[2]}`;
  const idx = [...Array(azCount).keys()];
  return {
    publicCidrs: idx.map((i) => `${base}.${i}.0/24`),
    privateCidrs: idx.map((i) => `${base}.${(i + 1) * 16}.0/20`),
  };
}

