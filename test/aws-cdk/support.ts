import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

/** Container definitions of every task definition in a stack, with environment as a map. */
export function containers(stack: Stack): Array<{ logicalId: string; env: Record<string, unknown>; secrets: string[] }> {
  const t = Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition');
  return Object.entries<any>(t).flatMap(([logicalId, r]) => r.Properties.ContainerDefinitions.map((c: any) => ({
    logicalId,
    env: Object.fromEntries((c.Environment ?? []).map((e: any) => [e.Name, e.Value])),
    secrets: (c.Secrets ?? []).map((s: any) => s.Name),
  })));
}

/** The containers that run Temporal Workers (they carry TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE). */
export function workerContainers(stack: Stack) {
  return containers(stack).filter((c) => 'TEMPORAL_ADDRESS' in c.env && 'TEMPORAL_NAMESPACE' in c.env);
}

/** Route 53 record names in a stack. */
export function recordNames(stack: Stack): string[] {
  return Object.values<any>(Template.fromStack(stack).findResources('AWS::Route53::RecordSet')).map((r) => r.Properties.Name);
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

/** Resources of a type in a stack, as [logicalId, properties]. */
export function resources(stack: Stack, type: string): Array<[string, any]> {
  return Object.entries<any>(Template.fromStack(stack).findResources(type)).map(([id, r]) => [id, r.Properties ?? {}]);
}
