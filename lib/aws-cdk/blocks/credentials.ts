import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import {
  apiKeySources, checkCredentialParts, CredentialSecretFact, MtlsFieldOptions, MtlsSecretNamesOptions, mtlsSources, partOf, PartSource,
  SecretFieldOptions,
} from '../../core/components/credentials';
import { throwIfProblems } from '../../core/errors';
import { AuthMethod } from '../../core/model';
import { CredentialPart } from '../../core/worker-config';

export { MtlsFieldOptions, MtlsSecretNamesOptions, SecretFieldOptions } from '../../core/components/credentials';

/** An API key in a Secrets Manager secret given as an object. */
export interface ApiKeySecretOptions extends SecretFieldOptions {
  /**
   * The secret is replicated (Secrets Manager replica secrets) to every region the deployment runs in: each region reads its own replica, by the
   * secret's name. Without it, a secret of another region than a fleet's is an error (TEMPORAL_CREDENTIALS_REGION): the standby would read its
   * credentials from the region that just failed.
   * @default false
   */
  readonly replicatedSecret?: boolean;
}

/** mTLS credentials from two Secrets Manager secrets (which may be the same JSON secret with two fields). */
export interface MtlsSecretsOptions extends MtlsFieldOptions {
  /**
   * The secrets are replicated to every region the deployment runs in: each region reads its own replicas, by the secrets' names. Without it, a
   * secret of another region than a fleet's is an error (TEMPORAL_CREDENTIALS_REGION).
   * @default false
   */
  readonly replicatedSecret?: boolean;
  /** The secret holding the PEM client certificate (chain) issued for the namespace's CA. */
  readonly certificate: secretsmanager.ISecret;
  /** The secret holding the PEM private key of the client certificate. */
  readonly privateKey: secretsmanager.ISecret;
}

/** One credential part resolved to a secret in a given stack. */
export interface BoundCredentialPart {
  /** Which credential this is. */
  readonly part: CredentialPart;
  /** The secret that holds it, as seen from the stack the credentials were bound in. */
  readonly secret: secretsmanager.ISecret;
  /** JSON key of the credential inside the secret. @default - the whole secret string */
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
    throwIfProblems('BoundTemporalCredentials', 'props', checkCredentialParts(props.method, props.parts, 'props'));
    this.method = props.method;
    this.parts = [...props.parts];
    this.secrets = [...new Set(this.parts.map((p) => p.secret))];
  }

  /** The bound part for `part`; throws when these credentials do not carry it. */
  public partFor(part: CredentialPart): BoundCredentialPart {
    return partOf(this.method, this.parts, part, 'BoundTemporalCredentials.partFor');
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
 * The credentials Workers use to authenticate to Temporal Cloud: an API key or an mTLS client certificate and key, always read from AWS Secrets
 * Manager (never written into a template). The `...FromSecretName(s)` factories resolve the secret by name in the stack (and region) each consumer is
 * bound to, so one credentials object serves every region of a multi-region deployment whose secret is replicated (Secrets Manager replica secrets
 * keep their name). Secrets imported by name carry no KMS key: when they are encrypted with a customer managed key, also grant `kms:Decrypt` on that
 * key to the consumer's task execution role.
 */
export abstract class TemporalCredentials {
  /** An API key held in `secret` (optionally as a JSON field). */
  public static apiKey(secret: secretsmanager.ISecret, options: ApiKeySecretOptions = {}): TemporalCredentials {
    return new SecretCredentials(AuthMethod.API_KEY, apiKeySources('apiKey()', { prop: 'secret', secret }, options), options.replicatedSecret === true);
  }

  /** An API key held in the secret named `secretName` in the consumer's region (replicated secrets work across regions). */
  public static apiKeyFromSecretName(secretName: string, options: SecretFieldOptions = {}): TemporalCredentials {
    return new SecretCredentials(AuthMethod.API_KEY, apiKeySources('apiKeyFromSecretName()', { prop: 'secretName', name: secretName }, options));
  }

  /** An mTLS client certificate and private key held in Secrets Manager. */
  public static mtls(options: MtlsSecretsOptions): TemporalCredentials {
    return new SecretCredentials(AuthMethod.MTLS, mtlsSources('mtls()',
      { prop: 'certificate', secret: options.certificate }, { prop: 'privateKey', secret: options.privateKey }, options), options.replicatedSecret === true);
  }

  /** An mTLS client certificate and private key held in secrets named in the consumer's region (replicated secrets work across regions). */
  public static mtlsFromSecretNames(options: MtlsSecretNamesOptions): TemporalCredentials {
    return new SecretCredentials(AuthMethod.MTLS, mtlsSources('mtlsFromSecretNames()',
      { prop: 'certificateSecretName', name: options.certificateSecretName }, { prop: 'privateKeySecretName', name: options.privateKeySecretName }, options));
  }

  /** How these credentials authenticate. */
  public abstract readonly method: AuthMethod;

  /**
   * Resolves the credentials for the stack that `scope` belongs to. Secrets referenced by name are imported under `scope` (once per scope and name).
   */
  public abstract bind(scope: Construct): BoundTemporalCredentials;

  /** Where the secrets given as objects live (the rule TEMPORAL_CREDENTIALS_REGION checks them against each consumer's region). @internal */
  public _secretFacts(): CredentialSecretFact[] {
    return [];
  }
}

class SecretCredentials extends TemporalCredentials {
  constructor(
    public readonly method: AuthMethod, private readonly sources: PartSource<secretsmanager.ISecret>[], private readonly replicated = false,
  ) {
    super();
  }

  public bind(scope: Construct): BoundTemporalCredentials {
    // Stack.of fails clearly when scope is not inside a stack.
    Stack.of(scope);
    return new BoundTemporalCredentials({
      method: this.method,
      parts: this.sources.map((s) => ({ part: s.part, secret: this.secretIn(scope, s), field: s.field })),
    });
  }

  public _secretFacts(): CredentialSecretFact[] {
    return this.sources.filter((s) => s.ref.secret !== undefined).map((s) => {
      const { secret } = s.ref;
      const region = secret!.env.region;
      return {
        prop: s.ref.prop,
        region: Token.isUnresolved(region) ? undefined : region,
        shown: Token.isUnresolved(secret!.secretArn) ? `(the secret ${secret!.node.path})` : `'${secret!.secretArn}'`,
        // A replica is found by name: a secret whose name is a token is read where it is (and reported when that is another region).
        replicated: this.replicated && replicaName(secret!) !== undefined,
      };
    });
  }

  /** The secret as seen from `scope`'s region: a replicated secret's replica there (by name), else the secret given or named. */
  private secretIn(scope: Construct, s: PartSource<secretsmanager.ISecret>): secretsmanager.ISecret {
    const given = s.ref.secret;
    if (!given) return importByName(scope, s.ref.name!);
    const name = this.replicated ? replicaName(given) : undefined;
    return name !== undefined && given.env.region !== Stack.of(scope).region ? importByName(scope, name) : given;
  }
}

/** The name a replicated secret's replicas keep: its name when known at synth (imported by ARN or name, or created with a literal name). */
function replicaName(secret: secretsmanager.ISecret): string | undefined {
  if (!Token.isUnresolved(secret.secretName)) return secret.secretName;
  const name = (secret.node.defaultChild as CfnResource & { name?: string } | undefined)?.name;
  return typeof name === 'string' && !Token.isUnresolved(name) ? name : undefined;
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
