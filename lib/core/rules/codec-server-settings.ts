import { checkCodecServer, CODEC_SERVER_SETTINGS_RULE } from '../components/codec-server';
import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/** Checked on the user's input by `checkCodecServer` (patterns and blocks), which also refuses the container variables the library sets. */
export const CODEC_SERVER_SETTINGS: Rule = {
  id: CODEC_SERVER_SETTINGS_RULE,
  severity: Severity.ERROR,
  summary: 'A codec server allows listed CORS origins only, health-checks a path, and uses valid ports, IPv4 CIDRs and an ACM certificate of its own region.',
  source: { ...DOCS.CODECS, quote: 'A Codec Server decodes sensitive data: restrict who can reach it (for example behind a VPN), serve it over HTTPS, and allow CORS from the Web UI origin only.' },
  check(plan) {
    const input = plan.request.components.codecServerInput;
    // Sizing problems are reported under TEMPORAL_SERVICE_SIZING.
    return input ? checkCodecServer(input, 'codecServer').filter((h) => h.ruleId === CODEC_SERVER_SETTINGS_RULE) : [];
  },
};
