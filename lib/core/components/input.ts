/**
 * Input checks shared by the components: each returns problems in the user's words (prop, value, message, fix) under a stable rule id. The rule pack
 * runs them over every planned component; the building blocks used on their own run the same ones and throw `TemporalHaValidationError`.
 */
import type { RuleHit } from '../rules/rule';

/** A problem with one input, reported under a rule id. */
export interface InputHit extends RuleHit {
  /** The rule the problem belongs to (`TEMPORAL_SERVICE_SIZING`, ...). */
  readonly ruleId: string;
}

/**
 * True for a value only known at deploy time: an AWS CDK or CDK for Terraform token (a string with
 * an embedded token marker, or the huge negative doubles both engines encode numeric tokens as).
 */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${Token[') || value.includes('${TfToken[') || value.includes('#{Token[');
  if (typeof value === 'number') return Math.abs(value) >= 1e200;
  return false;
}

/** Collects input problems of one rule. */
export class InputChecker {
  public readonly hits: InputHit[] = [];
  constructor(private readonly ruleId: string, private readonly prefix: string, private readonly path?: string) {}

  /** Reports a problem with `<prefix>.<prop>`. */
  public add(prop: string, value: unknown, message: string, fix: string): void {
    this.hits.push({ ruleId: this.ruleId, prop: this.propPath(prop), value: show(value), message, fix, path: this.path });
  }

  /** A whole number from `min` to `max` (unresolved values are not checked). */
  public wholeNumber(prop: string, value: number | undefined, min: number, max: number, fix: string): void {
    if (value === undefined || isUnresolved(value)) return;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.add(prop, value, `must be a whole number ${max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`}.`, fix);
    }
  }

  /** The full prop path of `prop`. */
  public propPath(prop: string): string {
    return this.prefix ? `${this.prefix}.${prop}` : prop;
  }
}

/** A value as users see it in messages. */
export function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/** Whether every value is known at synth. */
export function known(...values: unknown[]): boolean {
  return values.every((v) => v !== undefined && !isUnresolved(v));
}

/** `key` -> value for a map keyed by AWS region, accepting `us-east-1`, `aws-us-east-1` and any case. */
export function byRegion<T>(map: { [key: string]: T } | undefined, awsRegion: string): T | undefined {
  if (!map) return undefined;
  const want = awsRegion.toLowerCase();
  for (const [k, v] of Object.entries(map)) {
    const key = k.trim().toLowerCase();
    if (key === want || key === `aws-${want}`) return v;
  }
  return undefined;
}

/** `a.b.c.d/n` (octets 0-255, n 0-32) as its address and prefix length, or undefined when it is not one. */
export function parseIpv4Cidr(cidr: string): { ip: number; bits: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  const octets = m ? m.slice(1, 5).map(Number) : [];
  if (!m || octets.some((o) => o > 255) || Number(m[5]) > 32) return undefined;
  return { ip: octets.reduce((acc, o) => acc * 256 + o, 0), bits: Number(m[5]) };
}
