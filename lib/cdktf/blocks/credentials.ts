import { Construct } from 'constructs';
import { AuthMethod } from '../../core/model';
import { CredentialPart } from '../../core/worker-config';
import { AwsProvider, DataAwsSecretsmanagerSecret, Token } from '../engine';

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

/** mTLS credentials from secrets looked up by name in each region. */
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

/** One credential: which part, in which secret (by name), at which JSON key. */
export interface CredentialSource {
  /** Which credential this is. */
  readonly part: CredentialPart;
  /** The Secrets Manager secret name. */
  readonly secretName: string;
  /**
   * JSON key of the credential inside the secret.
   * @default - the whole secret string
   */
  readonly field?: string;
}

/** One credential part resolved in one region. */
export interface BoundCredentialPart extends CredentialSource {
  /** The secret's ARN in the region (a reference to the `aws_secretsmanager_secret` data source). */
  readonly secretArn: string;
  /** What an ECS container secret's `valueFrom` is: the ARN, with `:field::` when a JSON field is used. */
  readonly valueFrom: string;
}

/** Temporal credentials resolved for one region: secret ARNs to inject and to grant read on. Never holds a secret value. */
export interface BoundTemporalCredentials {
  /** How the credentials authenticate. */
  readonly method: AuthMethod;
  /** The credential parts, in a stable order. */
  readonly parts: BoundCredentialPart[];
  /** The distinct secret ARNs (grant `secretsmanager:GetSecretValue` on these). */
  readonly secretArns: string[];
}

/**
 * The credentials Workers use to authenticate to Temporal Cloud: an API key or an mTLS client
 * certificate and key, always read from AWS Secrets Manager by name (never written into the
 * Terraform configuration or state as a value).
 *
 * Each region looks the secret up by name with an `aws_secretsmanager_secret` data source on that
 * region's provider, so one credentials object serves every region of a deployment whose secret is
 * replicated (Secrets Manager replica secrets keep their name). A customer-managed KMS key on the
 * secret needs its own `kms:Decrypt` grant on the consumer's role.
 */
export class TemporalCredentials {
  /** An API key held in the secret named `secretName` in each region (optionally as a JSON field). */
  public static apiKeyFromSecretName(secretName: string, options: SecretFieldOptions = {}): TemporalCredentials {
    checkSecretName('apiKeyFromSecretName', 'secretName', secretName);
    return new TemporalCredentials(AuthMethod.API_KEY, [
      { part: CredentialPart.API_KEY, secretName, field: options.field },
    ]);
  }

  /** An mTLS client certificate and private key held in secrets named in each region. */
  public static mtlsFromSecretNames(options: MtlsSecretNamesOptions): TemporalCredentials {
    checkSecretName('mtlsFromSecretNames', 'certificateSecretName', options.certificateSecretName);
    checkSecretName('mtlsFromSecretNames', 'privateKeySecretName', options.privateKeySecretName);
    return new TemporalCredentials(AuthMethod.MTLS, [
      { part: CredentialPart.CLIENT_CERTIFICATE, secretName: options.certificateSecretName, field: options.certificateField },
      { part: CredentialPart.CLIENT_KEY, secretName: options.privateKeySecretName, field: options.privateKeyField },
    ]);
  }

  /** How these credentials authenticate. */
  public readonly method: AuthMethod;
  /** Where each credential part is read from. */
  public readonly sources: CredentialSource[];

  private constructor(method: AuthMethod, sources: CredentialSource[]) {
    this.method = method;
    this.sources = sources;
    for (const s of sources) {
      if (s.field !== undefined && !Token.isUnresolved(s.field) && s.field.trim() === '') {
        throw new Error(`TemporalCredentials: the JSON field for '${s.part}' is an empty string. Omit the field to use the whole secret, or name the JSON key.`);
      }
    }
    const [a, b] = sources;
    if (a && b && a.secretName === b.secretName && (a.field ?? '') === (b.field ?? '')) {
      throw new Error(`TemporalCredentials (${method}): '${a.part}' and '${b.part}' both read secret '${a.secretName}' ${a.field ? `field '${a.field}'` : 'as a whole'}. Use two secrets, or two JSON fields (certificateField and privateKeyField) of one secret.`);
    }
  }

  /**
   * Resolves the credentials in the region of `provider`: one `aws_secretsmanager_secret` data
   * source per region and secret name, created under `scope` the first time it is asked for.
   */
  public bind(scope: Construct, provider: AwsProvider): BoundTemporalCredentials {
    const parts = this.sources.map((s): BoundCredentialPart => {
      const secretArn = secretDataSource(scope, provider, s.secretName).arn;
      return { ...s, secretArn, valueFrom: s.field ? `${secretArn}:${s.field}::` : secretArn };
    });
    return { method: this.method, parts, secretArns: [...new Set(parts.map((p) => p.secretArn))] };
  }
}

const SECRETS = new WeakMap<AwsProvider, Map<string, DataAwsSecretsmanagerSecret>>();

/** One data source per provider (region) and secret name. */
function secretDataSource(scope: Construct, provider: AwsProvider, name: string): DataAwsSecretsmanagerSecret {
  let byName = SECRETS.get(provider);
  if (!byName) {
    byName = new Map();
    SECRETS.set(provider, byName);
  }
  const existing = byName.get(name);
  if (existing) return existing;
  const base = `TemporalSecret-${Token.isUnresolved(name) ? 'Token' : name.replace(/[^A-Za-z0-9-]+/g, '--')}`;
  let id = base;
  for (let i = 1; scope.node.tryFindChild(id); i++) id = `${base}${i}`;
  const data = new DataAwsSecretsmanagerSecret(scope, id, { provider, name });
  byName.set(name, data);
  return data;
}

function checkSecretName(factory: string, prop: string, name: string): void {
  if (Token.isUnresolved(name)) return;
  if (!name || name.trim() !== name) {
    throw new Error(`TemporalCredentials.${factory}: ${prop} ('${name}') must be a non-empty Secrets Manager secret name without surrounding spaces. Pass the secret's name, e.g. 'temporal/orders/api-key'.`);
  }
  if (name.startsWith('arn:')) {
    throw new Error(`TemporalCredentials.${factory}: ${prop} ('${name}') is an ARN, not a name. Pass the secret's name (it is looked up in each region).`);
  }
}
