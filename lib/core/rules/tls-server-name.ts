import { requiredTlsServerName } from '../endpoints';
import { Severity } from '../model';
import { DOCS, Rule, show } from './rule';
import { namespaceOf } from './util';

/** mTLS on a Regional Endpoint (or behind a proxy) needs the TLS server name of the certificate presented. */
export const TLS_SERVER_NAME: Rule = {
  id: 'TEMPORAL_TLS_SERVER_NAME',
  severity: Severity.ERROR,
  summary: 'Fleets whose dialed host differs from the certificate\'s (mTLS on a Regional Endpoint, any proxy) set the right TLS server name.',
  source: { ...DOCS.HA_CONNECTIVITY, quote: 'When authenticating with mTLS, set the Client\'s server_name / serverNameOverride config equal to the Namespace Endpoint.' },
  check(plan) {
    return plan.regions.flatMap((r) => r.fleets).flatMap((f) => {
      const ns = namespaceOf(plan, f);
      if (!ns) return [];
      const upstreamHost = f.temporalAddress.replace(/:\d+$/, '');
      const required = requiredTlsServerName({ auth: ns.auth, namespaceHost: ns.endpointHost, upstreamHost, viaProxy: f.viaProxy });
      // With no server name required, the dialed host's own certificate is presented: an override must name it.
      const expected = required ?? upstreamHost;
      if (f.tlsServerName === undefined ? required === undefined : f.tlsServerName === expected) return [];
      return [{
        prop: 'tlsServerName',
        value: show(f.tlsServerName),
        path: `${ns.declaredAt}/${f.awsRegion}`,
        message: `the ${f.awsRegion} ${f.role} fleet dials ${f.viaProxy ? 'a proxy in front of ' : ''}${upstreamHost} with ${ns.auth}; `
          + `the server presents the certificate for ${expected}, so TLS verification fails with any other server name.`,
        fix: required
          ? `remove the tlsServerName override (the library derives '${required}').`
          : `remove the tlsServerName override (${upstreamHost} presents its own certificate; no server name is needed).`,
      }];
    });
  },
};
