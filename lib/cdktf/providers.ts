/**
 * One aliased AWS provider per region and stack, created the first time a construct in the stack
 * asks for the region and reused by every later construct (cache keyed by stack and region).
 */
import { AwsProvider, TerraformStack } from './engine';
import { InputChecker } from '../core/components/input';
import { throwIfProblems } from '../core/errors';
import { normalizeAwsRegion } from '../core/regions';

const CACHE = new WeakMap<TerraformStack, Map<string, AwsProvider>>();

/** The alias the library gives the provider of a region: the region name (`us-east-1`). */
export function providerAlias(awsRegion: string): string {
  return normalizeAwsRegion(awsRegion);
}

/**
 * The stack's aliased AWS provider for `awsRegion`: reused when the stack already has one with the
 * alias (created by this library or by the user with the same alias and region), created otherwise.
 */
export function regionalProvider(stack: TerraformStack, awsRegion: string): AwsProvider {
  const region = normalizeAwsRegion(awsRegion);
  const byRegion = CACHE.get(stack) ?? new Map<string, AwsProvider>();
  CACHE.set(stack, byRegion);
  const cached = byRegion.get(region);
  if (cached) return cached;
  const alias = providerAlias(region);
  const existing = stack.node.findAll().find((c): c is AwsProvider =>
    c instanceof AwsProvider && TerraformStack.of(c) === stack && c.alias === alias);
  if (existing?.region !== undefined && existing.region !== region) {
    const c = new InputChecker('TEMPORAL_STACK_REGION_EXPLICIT', '', existing.node.path);
    c.add('alias', alias, `the provider's region is '${existing.region}', but the Temporal constructs use the alias '${alias}' for ${region}.`,
      `rename that provider's alias, or pass it as regions['${existing.region}'].provider.`);
    throwIfProblems('AwsProvider', existing.node.path, c.hits);
  }
  const provider = existing ?? new AwsProvider(stack, `aws-${region}`, { alias, region });
  byRegion.set(region, provider);
  return provider;
}
