import { Stack, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { AuthMethod } from '../../core/model';
import { CredentialPart } from '../../core/worker-config';

/** Where, inside a Secrets Manager secret, a credential is stored. */
export interface SecretFieldOptions {
  /**
   * The JSON key holding the credential when the secret is a JSON document
   * (`{"apiKey": "..."}` -> `field: 'apiKey'`).
   *
   * @default - the whole secret string is the credential
   */
  readonly field?: string;
}

/** mTLS credentials from two Secrets Manager secrets (which may be the same JSON secret with two fields). */
export interface MtlsSecretsOptions {
  /** The secret holding the PEM client certificate (chain) issued for the namespace's CA. */
  readonly certificate: secretsmanager.ISecret;
  /** The secret holding the PEM private key of the client certificate. */
  readonly privateKey: secretsmanager.ISecret;
  /**
   * JSON key of the certificate inside `certificate`.
   *
   * @default - the whole secret string is the certificate
   */
  readonly certificateField?: string;
  /**
   * JSON key of the private key inside `privateKey`.
   *
   * @default - the whole secret string is the private key
   */
  readonly privateKeyField?: string;
}

/**
 * mTLS credentials from secrets looked up by name in the stack (and so the region) each consumer is
 * bound to. With Secrets Manager replication, one name resolves to each region's replica.
 */
export interface MtlsSecretNamesOptions {
  /** Name of the secret holding the PEM client certificate (chain). */
  readonly certificateSecretName: string;
  /** Name of the secret holding the PEM private key. May equal `certificateSecretName` when both are JSON fields of one secret. */
  readonly privateKeySecretName: string;
  /**
   * JSON key of the certificate inside its secret.
   *
   * @default - the whole secret string is the certificate
   */
  readonly certificateField?: string;
  /**
   * JSON key of the private key inside its secret.
   *
   * @default - the whole secret string is the private key
   */
  readonly privateKeyField?: string;
}

/** One credential part resolved to a secret in a given stack. */
export interface BoundCredentialPart {
  /** Which credential this is. */
  readonly part: CredentialPart;
  /** The secret that holds it, as seen from the stack the credentials were bound in. */
  readonly secret: secretsmanager.ISecret;
  /**
   * JSON key of the credential inside the secret.
   *
   * @default - the whole secret string
   */
  readonly field?: string;
}

/** Construction properties of `BoundTemporalCredentials`. */
export interface BoundTemporalCredentialsProps {
  /** How the credentials authenticate. */
  readonly method: AuthMethod;
  /** The credential parts (one for an API key; certificate and key for mTLS). */
  readonly parts: BoundCredentialPart[];
}

/**
 * Temporal credentials resolved for one stack: the Secrets Manager secrets to inject as container
 * secrets, and to grant read on. Never holds a secret value.
 */
export class BoundTemporalCredentials {
  /** How the credentials authenticate. */
  public readonly method: AuthMethod;
  /** The credential parts, in a stable order. */
  public readonly parts: BoundCredentialPart[];
  /** The distinct secrets involved (grant read on these). */
  public readonly secrets: secretsmanager.ISecret[];

  constructor(props: BoundTemporalCredentialsProps) {
    const required = props.method === AuthMethod.API_KEY
      ? [CredentialPart.API_KEY]
      : [CredentialPart.CLIENT_CERTIFICATE, CredentialPart.CLIENT_KEY];
    for (const part of required) {
      if (!props.parts.some((p) => p.part === part)) {
        throw new Error(`BoundTemporalCredentials: parts has no '${part}' entry, which ${props.method} credentials require. Add a part for '${part}'.`);
      }
    }
    this.method = props.method;
    this.parts = [...props.parts];
    this.secrets = [];
    for (const p of this.parts) {
      if (!this.secrets.includes(p.secret)) this.secrets.push(p.secret);
    }
  }

  /** The bound part for `part`; throws when these credentials do not carry it. */
  public partFor(part: CredentialPart): BoundCredentialPart {
    const found = this.parts.find((p) => p.part === part);
    if (!found) {
      throw new Error(`BoundTemporalCredentials: ${this.method} credentials carry no '${part}' (they carry ${this.parts.map((p) => `'${p.part}'`).join(', ')}). Use credentials of the matching AuthMethod.`);
    }
    return found;
  }

  /** The ECS container secret for a credential part (`valueFrom` is the secret ARN, with `:field::` when a JSON field is used). */
  public secretFor(part: CredentialPart): ecs.Secret {
    const p = this.partFor(part);
    return ecs.Secret.fromSecretsManager(p.secret, p.field);
  }

  /** Grants `secretsmanager:GetSecretValue` (and decrypt on the secret's key when known) on every secret. */
  public grantRead(grantee: iam.IGrantable): void {
    for (const s of this.secrets) s.grantRead(grantee);
  }
}

/**
 * The credentials Workers use to authenticate to Temporal Cloud: an API key or an mTLS client
 * certificate and key, always read from AWS Secrets Manager (never written into a template).
 *
 * The `...FromSecretName(s)` factories resolve the secret by name in the stack (and region) each
 * consumer is bound to, so one credentials object serves every region of a multi-region deployment
 * whose secret is replicated (Secrets Manager replica secrets keep their name). Secrets imported by
 * name carry no KMS key: when they are encrypted with a customer managed key, also grant
 * `kms:Decrypt` on that key to the consumer's task execution role.
 */
export abstract class TemporalCredentials {
  /** An API key held in `secret` (optionally as a JSON field). */
  public static apiKey(secret: secretsmanager.ISecret, options: SecretFieldOptions = {}): TemporalCredentials {
    return new SecretCredentials(AuthMethod.API_KEY, [
      { part: CredentialPart.API_KEY, source: { secret }, field: options.field },
    ]);
  }

  /** An API key held in the secret named `secretName` in the consumer's region (replicated secrets work across regions). */
  public static apiKeyFromSecretName(secretName: string, options: SecretFieldOptions = {}): TemporalCredentials {
    checkSecretName('apiKeyFromSecretName', 'secretName', secretName);
    return new SecretCredentials(AuthMethod.API_KEY, [
      { part: CredentialPart.API_KEY, source: { name: secretName }, field: options.field },
    ]);
  }

  /** An mTLS client certificate and private key held in Secrets Manager. */
  public static mtls(options: MtlsSecretsOptions): TemporalCredentials {
    return new SecretCredentials(AuthMethod.MTLS, [
      { part: CredentialPart.CLIENT_CERTIFICATE, source: { secret: options.certificate }, field: options.certificateField },
      { part: CredentialPart.CLIENT_KEY, source: { secret: options.privateKey }, field: options.privateKeyField },
    ]);
  }

  /** An mTLS client certificate and private key held in secrets named in the consumer's region (replicated secrets work across regions). */
  public static mtlsFromSecretNames(options: MtlsSecretNamesOptions): TemporalCredentials {
    checkSecretName('mtlsFromSecretNames', 'certificateSecretName', options.certificateSecretName);
    checkSecretName('mtlsFromSecretNames', 'privateKeySecretName', options.privateKeySecretName);
    return new SecretCredentials(AuthMethod.MTLS, [
      { part: CredentialPart.CLIENT_CERTIFICATE, source: { name: options.certificateSecretName }, field: options.certificateField },
      { part: CredentialPart.CLIENT_KEY, source: { name: options.privateKeySecretName }, field: options.privateKeyField },
    ]);
  }

  /** How these credentials authenticate. */
  public abstract readonly method: AuthMethod;

  /**
   * Resolves the credentials for the stack that `scope` belongs to. Secrets referenced by name are
   * imported under `scope` (once per scope and name).
   */
  public abstract bind(scope: Construct): BoundTemporalCredentials;
}

interface SecretSource {
  readonly secret?: secretsmanager.ISecret;
  readonly name?: string;
}

interface PartSource {
  readonly part: CredentialPart;
  readonly source: SecretSource;
  readonly field?: string;
}

function checkSecretName(factory: string, prop: string, name: string): void {
  if (Token.isUnresolved(name)) return;
  if (!name || name.trim() !== name) {
    throw new Error(`TemporalCredentials.${factory}: ${prop} ('${name}') must be a non-empty Secrets Manager secret name without surrounding spaces. Pass the secret's name, e.g. 'temporal/orders/api-key'.`);
  }
  if (name.startsWith('arn:')) {
    throw new Error(`TemporalCredentials.${factory}: ${prop} ('${name}') is an ARN, not a name. Pass the secret's name, or import the secret and use the ISecret form.`);
  }
}

class SecretCredentials extends TemporalCredentials {
  public readonly method: AuthMethod;
  private readonly sources: PartSource[];

  constructor(method: AuthMethod, sources: PartSource[]) {
    super();
    this.method = method;
    this.sources = sources;
    for (const s of sources) {
      if (s.field !== undefined && !Token.isUnresolved(s.field) && s.field.trim() === '') {
        throw new Error(`TemporalCredentials: the JSON field for '${s.part}' is an empty string. Omit the field to use the whole secret, or name the JSON key.`);
      }
    }
    const [a, b] = sources;
    const sameSecret = a && b && ((a.source.secret !== undefined && a.source.secret === b.source.secret)
      || (a.source.name !== undefined && a.source.name === b.source.name));
    if (sameSecret && (a.field ?? '') === (b.field ?? '')) {
      const what = a.source.name !== undefined ? `secret '${a.source.name}'` : 'the same secret';
      throw new Error(`TemporalCredentials (${method}): '${a.part}' and '${b.part}' both read ${what} ${a.field ? `field '${a.field}'` : 'as a whole'}. Use two secrets, or two JSON fields (certificateField and privateKeyField) of one secret.`);
    }
  }

  public bind(scope: Construct): BoundTemporalCredentials {
    // Stack.of fails clearly when scope is not inside a stack.
    Stack.of(scope);
    return new BoundTemporalCredentials({
      method: this.method,
      parts: this.sources.map((s) => ({
        part: s.part,
        secret: s.source.secret ?? importByName(scope, s.source.name!),
        field: s.field,
      })),
    });
  }
}

function importByName(scope: Construct, name: string): secretsmanager.ISecret {
  const base = `TemporalSecret-${Token.isUnresolved(name) ? 'Token' : name.replace(/\//g, '--')}`;
  for (let i = 0; ; i++) {
    const id = i === 0 ? base : `${base}${i}`;
    const existing = scope.node.tryFindChild(id) as secretsmanager.ISecret | undefined;
    if (!existing) return secretsmanager.Secret.fromSecretNameV2(scope, id, name);
    if (existing.secretName === name) return existing;
  }
}
