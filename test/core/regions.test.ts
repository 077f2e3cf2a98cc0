import {
  allRegions,
  canReplicate,
  findRegion,
  normalizeAwsRegion,
  regionalEndpointHost,
  REGIONAL_ENDPOINT_ZONE,
  replicaCandidates,
  ReplicationGroup,
  TemporalRegionInfo,
  TEMPORAL_GRPC_PORT,
} from '../../lib/core';

function info(awsRegion: string): TemporalRegionInfo {
  const r = findRegion(awsRegion);
  if (!r) throw new Error(`${awsRegion} is not in the catalog`);
  return r;
}

// The PrivateLink service ids of TEMPORAL_FACTS.md (static/json/privatelink_aws.json of the Temporal docs).
const SERVICE_IDS: Record<string, string> = {
  'ap-northeast-1': '08f34c33f9fb8a48a',
  'ap-northeast-2': '08c4d5445a5aad308',
  'ap-south-1': '0ad4f8ed56db15662',
  'ap-south-2': '08bcf602b646c69c1',
  'ap-southeast-1': '05c24096fa89b0ccd',
  'ap-southeast-2': '0634f9628e3c15b08',
  'eu-central-1': '073a419b36663a0f3',
  'eu-west-1': '04388e89f3479b739',
  'eu-west-2': '0ac7f9f07e7fb5695',
  'ca-central-1': '080a781925d0b1d9d',
  'sa-east-1': '0ca67a102f3ce525a',
  'us-east-1': '0822256b6575ea37f',
  'us-east-2': '01b8dccfc6660d9d4',
  'us-west-2': '0f44b3d7302816b94',
};

describe('region catalog', () => {
  test('holds exactly the 14 Temporal Cloud AWS regions of the PrivateLink table', () => {
    // GIVEN the catalog
    // WHEN listing it
    const regions = allRegions().map((r) => r.awsRegion);

    // THEN it has the 14 documented regions, sorted, each once
    expect(regions).toHaveLength(14);
    expect(regions).toEqual(Object.keys(SERVICE_IDS).sort());
    expect(new Set(regions).size).toBe(14);
  });

  test.each(Object.entries(SERVICE_IDS))('%s has the documented PrivateLink service name', (awsRegion, id) => {
    // GIVEN a documented region
    // WHEN looking it up
    const r = info(awsRegion);

    // THEN its service name is the documented one, and its Temporal id is aws-<region>
    expect(r.privateLinkServiceName).toBe(`com.amazonaws.vpce.${awsRegion}.vpce-svc-${id}`);
    expect(r.id).toBe(`aws-${awsRegion}`);
  });

  test('spells out a few service names exactly (guards against a templating mistake)', () => {
    expect(info('us-east-1').privateLinkServiceName).toBe('com.amazonaws.vpce.us-east-1.vpce-svc-0822256b6575ea37f');
    expect(info('us-west-2').privateLinkServiceName).toBe('com.amazonaws.vpce.us-west-2.vpce-svc-0f44b3d7302816b94');
    expect(info('eu-west-1').privateLinkServiceName).toBe('com.amazonaws.vpce.eu-west-1.vpce-svc-04388e89f3479b739');
    expect(info('ap-southeast-2').privateLinkServiceName).toBe('com.amazonaws.vpce.ap-southeast-2.vpce-svc-0634f9628e3c15b08');
    expect(info('sa-east-1').privateLinkServiceName).toBe('com.amazonaws.vpce.sa-east-1.vpce-svc-0ca67a102f3ce525a');
  });

  test('every gRPC endpoint listens on 7233 and Regional Endpoints live under region.tmprl.cloud', () => {
    expect(TEMPORAL_GRPC_PORT).toBe(7233);
    expect(REGIONAL_ENDPOINT_ZONE).toBe('region.tmprl.cloud');
  });
});

describe('findRegion', () => {
  test.each([
    ['us-east-1'],
    ['aws-us-east-1'],
    [' US-EAST-1 '],
    ['AWS-us-east-1'],
  ])('finds us-east-1 when written as %j', (input) => {
    // GIVEN the way a user wrote the region
    // WHEN looking it up
    const r = findRegion(input);

    // THEN it is the same catalog entry as the AWS name
    expect(r).toBeDefined();
    expect(r).toBe(findRegion('us-east-1'));
    expect(r?.awsRegion).toBe('us-east-1');
  });

  test('the AWS name and the Temporal id agree', () => {
    expect(findRegion('aws-us-east-1')).toEqual(findRegion('us-east-1'));
  });

  test.each([
    ['us-east-9'],
    ['aws-us-east-9'],
    ['eu-south-1'],
    ['gcp-us-central1'],
    [''],
  ])('returns undefined for %j, which is not a Temporal Cloud AWS region', (input) => {
    expect(findRegion(input)).toBeUndefined();
  });

  test('normalizeAwsRegion strips the aws- prefix, trims and lower-cases but keeps unknown names', () => {
    expect(normalizeAwsRegion(' AWS-US-WEST-2 ')).toBe('us-west-2');
    expect(normalizeAwsRegion('us-east-9')).toBe('us-east-9');
  });

  test('one prefix only: aws-aws-us-east-1 stays unknown, however often it is normalized (found by the property suite)', () => {
    expect(normalizeAwsRegion('aws-aws-us-east-1')).toBe('aws-aws-us-east-1');
    expect(normalizeAwsRegion(normalizeAwsRegion('AWS-aws-us-east-1'))).toBe('aws-aws-us-east-1');
    expect(findRegion('aws-aws-us-east-1')).toBeUndefined();
    expect(findRegion(normalizeAwsRegion('aws-aws-us-east-1'))).toBeUndefined();
  });
});

describe('regionalEndpointHost', () => {
  test.each([
    ['us-east-1', 'aws-us-east-1.region.tmprl.cloud'],
    ['aws-us-west-2', 'aws-us-west-2.region.tmprl.cloud'],
    ['EU-WEST-1', 'aws-eu-west-1.region.tmprl.cloud'],
  ])('the Regional Endpoint of %s is %s', (input, host) => {
    expect(regionalEndpointHost(input)).toBe(host);
  });
});

describe('replication pairing', () => {
  test('us-east-1 can replicate to us-west-2 (and back)', () => {
    expect(canReplicate(info('us-east-1'), info('us-west-2'))).toBe(true);
    expect(canReplicate(info('us-west-2'), info('us-east-1'))).toBe(true);
  });

  test('us-east-1 cannot replicate to eu-west-1 (another continent)', () => {
    expect(canReplicate(info('us-east-1'), info('eu-west-1'))).toBe(false);
    expect(canReplicate(info('eu-west-1'), info('us-east-1'))).toBe(false);
  });

  test('a region is not a multi-region replica of itself', () => {
    expect(canReplicate(info('us-east-1'), info('us-east-1'))).toBe(false);
  });

  test('sa-east-1 has no replica candidates and is no other region\'s candidate', () => {
    // GIVEN sa-east-1, alone on its continent
    const sa = info('sa-east-1');

    // WHEN listing its candidates, and every other region's
    // THEN none exist in either direction
    expect(sa.replicationGroup).toBe(ReplicationGroup.SOUTH_AMERICA);
    expect(replicaCandidates(sa)).toEqual([]);
    for (const r of allRegions()) {
      expect(replicaCandidates(r).map((c) => c.awsRegion)).not.toContain('sa-east-1');
    }
  });

  test('us-east-1 replicates within North America only', () => {
    expect(replicaCandidates(info('us-east-1')).map((r) => r.awsRegion)).toEqual(['ca-central-1', 'us-east-2', 'us-west-2']);
  });

  test('every region but sa-east-1 has at least one replica candidate', () => {
    const without = allRegions().filter((r) => replicaCandidates(r).length === 0).map((r) => r.awsRegion);
    expect(without).toEqual(['sa-east-1']);
  });

  test('same-region replication is offered only in us-east-1, us-west-2 and ap-southeast-2', () => {
    // GIVEN the catalog
    // WHEN selecting the regions flagged for same-region replication
    const same = allRegions().filter((r) => r.sameRegionReplication).map((r) => r.awsRegion);

    // THEN they are exactly the documented three
    expect(same).toEqual(['ap-southeast-2', 'us-east-1', 'us-west-2']);
  });
});
