/**
 * Temporal credentials held in AWS Secrets Manager, whichever engine reads them: the options of the factories, which parts each auth method needs,
 * the checks on secret names and JSON fields, and the `valueFrom` an ECS container secret uses
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html). Both engines' `TemporalCredentials` build their
 * parts here and only resolve the secrets.
 */
import { throwIfProblems } from '../errors';
import { AuthMethod } from '../model';
import { CredentialPart } from '../worker-config';
import { InputChecker, InputHit, isUnresolved, show } from './input';

/** Rule id of the checks on credentials (secret names, JSON fields, parts). */
export const CREDENTIALS_RULE = 'TEMPORAL_CREDENTIALS_SECRETS';

/** Where, inside a Secrets Manager secret, a credential is stored. */
export interface SecretFieldOptions {
  /**
   * The JSON key holding the credential when the secret is a JSON document (`{"apiKey": "..."}` -> `field: 'apiKey'`).
   * @default - the whole secret string is the credential
   */
  readonly field?: string;
}

/** The JSON keys of an mTLS certificate and key inside their secrets. */
export interface MtlsFieldOptions {
  /** JSON key of the certificate inside its secret. @default - the whole secret string is the certificate */
  readonly certificateField?: string;
  /** JSON key of the private key inside its secret. @default - the whole secret string is the private key */
  readonly privateKeyField?: string;
}

/**
 * mTLS credentials from secrets looked up by name in the region of each consumer. With Secrets
 * Manager replication, one name resolves to each region's replica.
 */
export interface MtlsSecretNamesOptions extends MtlsFieldOptions {
  /** Name of the secret holding the PEM client certificate (chain). */
  readonly certificateSecretName: string;
  /** Name of the secret holding the PEM private key. May equal `certificateSecretName` when both are JSON fields of one secret. */
  readonly privateKeySecretName: string;
}

/** A secret as a factory was given it: an engine's secret object (`secret`) or a name looked up in each region. */
export interface SecretRef<S> {
  /** The factory argument that named it (for messages). */
  readonly prop: string;
  readonly secret?: S;
  readonly name?: string;
}

/** One credential part: which credential, in which secret, at which JSON key. */
export interface PartSource<S> {
  readonly part: CredentialPart;
  readonly ref: SecretRef<S>;
  readonly field?: string;
}

/**
 * Where a credential secret given as an engine object lives (the name factories read each region's own secret, so they have none): the rule
 * TEMPORAL_CREDENTIALS_REGION compares it with the region of every process that reads it.
 */
export interface CredentialSecretFact {
  /** The factory argument that gave it, e.g. `secret`, `certificate`, `privateKey`. */
  readonly prop: string;
  /** The secret's AWS region when known at synth (from its ARN, or the stack that owns it). */
  readonly region?: string;
  /** How the secret is shown in messages (its ARN when known at synth). */
  readonly shown: string;
  /** The user said the secret is replicated to every consumer's region (`replicatedSecret: true`): each region reads its replica by name. */
  readonly replicated: boolean;
}

/** The parts each auth method needs, in order. */
export function credentialParts(method: AuthMethod): CredentialPart[] {
  return method === AuthMethod.API_KEY ? [CredentialPart.API_KEY] : [CredentialPart.CLIENT_CERTIFICATE, CredentialPart.CLIENT_KEY];
}

/** The checked parts of an API key credential (`factory` names the factory in errors). */
export function apiKeySources<S>(factory: string, ref: SecretRef<S>, options: SecretFieldOptions = {}): PartSource<S>[] {
  return checkedSources(factory, [{ part: CredentialPart.API_KEY, ref, field: options.field }], ['field']);
}

/** The checked parts of an mTLS credential (`factory` names the factory in errors). */
export function mtlsSources<S>(
  factory: string, certificate: SecretRef<S>, privateKey: SecretRef<S>, options: MtlsFieldOptions,
): PartSource<S>[] {
  return checkedSources(factory, [
    { part: CredentialPart.CLIENT_CERTIFICATE, ref: certificate, field: options.certificateField },
    { part: CredentialPart.CLIENT_KEY, ref: privateKey, field: options.privateKeyField },
  ], ['certificateField', 'privateKeyField']);
}

/** Checks the sources (names, fields, the same secret twice); throws `TemporalHaValidationError` naming `factory`. */
function checkedSources<S>(factory: string, sources: PartSource<S>[], fieldProps: string[]): PartSource<S>[] {
  const c = new InputChecker(CREDENTIALS_RULE, '', factory);
  sources.forEach((s, i) => {
    const name = s.ref.name;
    if (name !== undefined && !isUnresolved(name)) {
      if (!name || name.trim() !== name) {
        c.add(s.ref.prop, name, 'must be a non-empty Secrets Manager secret name without surrounding spaces.', "pass the secret's name, e.g. 'temporal/orders/api-key'.");
      } else if (name.startsWith('arn:')) {
        c.add(s.ref.prop, name, 'is an ARN, not a name: secrets are looked up by name in each region.', "pass the secret's name (replicas keep it), or an imported secret.");
      }
    }
    if (s.field !== undefined && !isUnresolved(s.field) && s.field.trim() === '') {
      c.add(fieldProps[i], s.field, `is an empty JSON field for the '${s.part}'.`, 'omit the field to use the whole secret, or name the JSON key.');
    }
  });
  const [a, b] = sources;
  const same = b && ((a.ref.secret !== undefined && a.ref.secret === b.ref.secret) || (a.ref.name !== undefined && a.ref.name === b.ref.name));
  if (same && (a.field ?? '') === (b.field ?? '')) {
    c.hits.push({
      ruleId: CREDENTIALS_RULE,
      prop: b.ref.prop,
      value: b.ref.name !== undefined ? show(b.ref.name) : `(the ${a.ref.prop} secret)`,
      path: factory,
      message: `reads the same secret as ${a.ref.prop}, ${a.field ? `field '${a.field}'` : 'as a whole'}: the certificate and the private key cannot both be that value.`,
      fix: 'use two secrets, or two JSON fields (certificateField and privateKeyField) of one secret.',
    });
  }
  throwIfProblems('TemporalCredentials', factory, c.hits);
  return sources;
}

/** Checks that bound `parts` carry every part `method` needs. */
export function checkCredentialParts(method: AuthMethod, parts: ReadonlyArray<{ readonly part: CredentialPart }>, path: string): InputHit[] {
  const c = new InputChecker(CREDENTIALS_RULE, '', path);
  for (const part of credentialParts(method)) {
    if (!parts.some((p) => p.part === part)) {
      c.add('parts', parts.map((p) => p.part).join(', '), `has no '${part}' entry, which ${method} credentials require.`, `add a part for '${part}'.`);
    }
  }
  return c.hits;
}

/** The bound part for `part`; throws when credentials of `method` do not carry it. */
export function partOf<P extends { readonly part: CredentialPart }>(method: AuthMethod, parts: readonly P[], part: CredentialPart, path: string): P {
  const found = parts.find((p) => p.part === part);
  const c = new InputChecker(CREDENTIALS_RULE, '', path);
  if (!found) c.add('part', part, `${method} credentials carry no '${part}' (they carry ${parts.map((p) => `'${p.part}'`).join(', ')}).`, 'use credentials of the matching AuthMethod.');
  throwIfProblems('TemporalCredentials', path, c.hits);
  return found!;
}

/** An ECS container secret's `valueFrom`: the secret ARN, with `:<field>::` to read one JSON key. */
export function secretValueFrom(secretArn: string, field?: string): string {
  return field ? `${secretArn}:${field}::` : secretArn;
}
