import { Construct } from 'constructs';
import {
  apiKeySources, PartSource, MtlsSecretNamesOptions, mtlsSources, SecretFieldOptions, secretValueFrom,
} from '../../core/components/credentials';
import { AuthMethod } from '../../core/model';
import { CredentialPart } from '../../core/worker-config';
import { AwsProvider, DataAwsSecretsmanagerSecret, Token } from '../engine';

export { MtlsSecretNamesOptions, SecretFieldOptions } from '../../core/components/credentials';

/** One credential: which part, in which secret (by name), at which JSON key. */
export interface CredentialSource {
  /** Which credential this is. */
  readonly part: CredentialPart;
  /** The Secrets Manager secret name. */
  readonly secretName: string;
  /** JSON key of the credential inside the secret. @default - the whole secret string */
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
    return new TemporalCredentials(AuthMethod.API_KEY, apiKeySources('apiKeyFromSecretName()', { prop: 'secretName', name: secretName }, options));
  }

  /** An mTLS client certificate and private key held in secrets named in each region. */
  public static mtlsFromSecretNames(options: MtlsSecretNamesOptions): TemporalCredentials {
    return new TemporalCredentials(AuthMethod.MTLS, mtlsSources('mtlsFromSecretNames()',
      { prop: 'certificateSecretName', name: options.certificateSecretName }, { prop: 'privateKeySecretName', name: options.privateKeySecretName }, options));
  }

  /** How these credentials authenticate. */
  public readonly method: AuthMethod;
  /** Where each credential part is read from. */
  public readonly sources: CredentialSource[];

  private constructor(method: AuthMethod, sources: PartSource<never>[]) {
    this.method = method;
    this.sources = sources.map((s) => ({ part: s.part, secretName: s.ref.name!, field: s.field }));
  }

  /**
   * Resolves the credentials in the region of `provider`: one `aws_secretsmanager_secret` data
   * source per region and secret name, created under `scope` the first time it is asked for.
   */
  public bind(scope: Construct, provider: AwsProvider): BoundTemporalCredentials {
    const arns = new Map<string, string>(); // one ARN token per secret, so that the distinct ARNs are distinct
    const parts = this.sources.map((s): BoundCredentialPart => {
      const secretArn = arns.get(s.secretName) ?? secretDataSource(scope, provider, s.secretName).arn;
      arns.set(s.secretName, secretArn);
      return { ...s, secretArn, valueFrom: secretValueFrom(secretArn, s.field) };
    });
    return { method: this.method, parts, secretArns: [...new Set(parts.map((p) => p.secretArn))] };
  }
}

const SECRETS = new WeakMap<AwsProvider, Map<string, DataAwsSecretsmanagerSecret>>();

/** One data source per provider (region) and secret name. */
function secretDataSource(scope: Construct, provider: AwsProvider, name: string): DataAwsSecretsmanagerSecret {
  const byName = SECRETS.get(provider) ?? new Map<string, DataAwsSecretsmanagerSecret>();
  SECRETS.set(provider, byName);
  const existing = byName.get(name);
  if (existing) return existing;
  const base = `TemporalSecret-${Token.isUnresolved(name) ? 'Token' : name.replace(/[^A-Za-z0-9-]+/g, '--')}`;
  let id = base;
  for (let i = 1; scope.node.tryFindChild(id); i++) id = `${base}${i}`;
  const data = new DataAwsSecretsmanagerSecret(scope, id, { provider, name });
  byName.set(name, data);
  return data;
}
