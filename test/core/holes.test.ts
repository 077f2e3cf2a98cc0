/** Plan-level checks of the holes the property census found (the engines' side: test/aws-cdk/patterns/holes.test.ts, test/cdktf/holes.test.ts). */
import { shard, shardedRequest } from './support';
import { ComponentRouting, planDeployment } from '../../lib/core';

const REGIONS = ['us-east-1', 'us-west-2', 'us-east-2', 'ca-central-1'];

describe('failover records name the component instance they point at in each region', () => {
  // Every pair of shard homes among four regions, two and three Active/Hot shards: each record's two sides are instances the regions have.
  const layouts: Array<Array<[string, string]>> = [];
  for (const a of REGIONS) for (const b of REGIONS) if (a !== b) layouts.push([[a, b], [b, REGIONS.find((r) => r !== a && r !== b)!]]);
  layouts.push([['us-east-1', 'us-west-2'], ['us-east-1', 'us-west-2'], ['us-west-2', 'us-east-1']]);
  layouts.push([['us-west-2', 'us-east-2'], ['us-east-2', 'ca-central-1']]);

  test.each(layouts.map((l) => [l.map(([p, s]) => `${p}->${s}`).join(', '), l]))('%s', (_name, layout) => {
    const plan = planDeployment(shardedRequest((layout as Array<[string, string]>).map(([p, s], i) => shard(`s${i}`, p, s)), {
      components: { codecServer: true, proxy: true, routing: ComponentRouting.FAILOVER_DNS },
    }));
    expect(plan.failoverRecords.length).toBeGreaterThan(0);
    for (const r of plan.failoverRecords) {
      const instances = (region: string) => {
        const rp = plan.regions.find((x) => x.awsRegion === region)!;
        return [...rp.codecServers, ...rp.proxies].map((c) => c.id);
      };
      expect(instances(r.primaryRegion)).toContain(r.primaryComponentId);
      expect(instances(r.secondaryRegion)).toContain(r.secondaryComponentId);
    }
    // A record name is one record in the failover zone.
    const names = plan.failoverRecords.map((r) => r.recordName);
    expect(new Set(names).size).toBe(names.length);
  });

  test('the census case: orders-a (us-west-2 -> us-east-2) and orders-b (us-east-2 -> ca-central-1) share us-east-2\'s codec server', () => {
    const plan = planDeployment(shardedRequest([shard('orders-a', 'us-west-2', 'us-east-2'), shard('orders-b', 'us-east-2', 'ca-central-1')], {
      components: { codecServer: true, routing: ComponentRouting.FAILOVER_DNS },
    }));
    expect(plan.failoverRecords.map((r) => `${r.component}: ${r.primaryRegion}/${r.primaryComponentId} -> ${r.secondaryRegion}/${r.secondaryComponentId}`)).toEqual([
      'orders-a-codec: us-west-2/orders-a-codec -> us-east-2/codec',
      'orders-b-codec: us-east-2/codec -> ca-central-1/orders-b-codec',
    ]);
  });
});
