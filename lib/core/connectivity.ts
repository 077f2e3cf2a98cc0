/**
 * How Workers reach Temporal Cloud, in engine-neutral terms: both engines' `connectivity` prop is
 * this class (the choice is the same whatever renders it).
 */
import { CrossRegionRouteKind, NetworkPath } from './model';

/** How a worker VPC reaches another region's Temporal VPC endpoint. */
export class CrossRegionRoute {
  /** An inter-region VPC peering connection, routes both ways and security group rules (the default). */
  public static vpcPeering(): CrossRegionRoute {
    return new CrossRegionRoute(CrossRegionRouteKind.VPC_PEERING, {});
  }

  /**
   * A Transit Gateway per region (attached to the worker VPCs and peered across regions by the
   * platform team): the library adds the routes to the other regions' CIDRs and the endpoint ingress.
   *
   * @param transitGatewayIds Transit Gateway id per AWS region, e.g. `{ 'us-east-1': 'tgw-0abc...' }`
   */
  public static transitGateway(transitGatewayIds: { [awsRegion: string]: string }): CrossRegionRoute {
    return new CrossRegionRoute(CrossRegionRouteKind.TRANSIT_GATEWAY, transitGatewayIds);
  }

  /**
   * AWS native cross-region interface endpoints. Temporal Cloud does not support them: choosing this
   * fails synthesis with an explanation (it exists so the choice is rejected, not ignored).
   */
  public static nativeCrossRegionEndpoint(): CrossRegionRoute {
    return new CrossRegionRoute(CrossRegionRouteKind.NATIVE_CROSS_REGION_ENDPOINT, {});
  }

  /** No cross-region route. Patterns that need one (Active/Cold, Active/Active under PrivateLink) reject it. */
  public static none(): CrossRegionRoute {
    return new CrossRegionRoute(undefined, {});
  }

  private constructor(
    /** The route kind; undefined for `none()`. */
    public readonly kind: CrossRegionRouteKind | undefined,
    /** Transit Gateway ids per region (Transit Gateway routes only). */
    public readonly transitGatewayIds: { [awsRegion: string]: string },
  ) {}
}

/** Options for PrivateLink connectivity. */
export interface PrivateLinkOptions {
  /** How worker VPCs reach other regions' Temporal VPC endpoints, where the pattern needs it. @default CrossRegionRoute.vpcPeering() */
  readonly crossRegionRoute?: CrossRegionRoute;
}

/** How Workers reach Temporal Cloud. */
export class Connectivity {
  /** Over the internet, through each VPC's NAT gateways. */
  public static public(): Connectivity {
    return new Connectivity(NetworkPath.PUBLIC, {});
  }

  /**
   * Through AWS PrivateLink: an interface endpoint per region, a `region.tmprl.cloud` private zone
   * per worker VPC, and cross-region routes where the pattern needs them.
   */
  public static privateLink(options: PrivateLinkOptions = {}): Connectivity {
    return new Connectivity(NetworkPath.PRIVATE_LINK, options);
  }

  private constructor(
    /** The network path. */
    public readonly networkPath: NetworkPath,
    /** PrivateLink options. */
    public readonly privateLinkOptions: PrivateLinkOptions,
  ) {}
}
