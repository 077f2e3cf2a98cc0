/**
 * A CloudFormation template as CloudFormation would deploy it when each SSM-typed failover state parameter (`AWS::SSM::Parameter::Value<String>`
 * whose default names a `/temporal-ha/...` parameter) resolves to `live(parameter name)`: conditions evaluated, `Fn::If` chosen,
 * `AWS::NoValue` removed. Other intrinsics are left as they are. Used by the AWS CDK failover tests and the parity suites.
 */
export const STATE_PARAMETER_TYPE = 'AWS::SSM::Parameter::Value<String>';

export function evaluateState(template: any, live: (parameterName: string) => string): any {
  const parameters = template.Parameters ?? {};
  const isState = (name: string) => parameters[name]?.Type === STATE_PARAMETER_TYPE && String(parameters[name].Default).startsWith('/temporal-ha/');
  const conditions = new Map<string, boolean>();
  const liveOf = (ref: string) => live(String(parameters[ref].Default));
  const value = (x: any): any => (x && typeof x === 'object' && Object.keys(x).length === 1 && typeof x.Ref === 'string' && isState(x.Ref) ? liveOf(x.Ref) : x);
  const condition = (name: string): boolean => {
    if (!conditions.has(name)) conditions.set(name, truth(template.Conditions[name]));
    return conditions.get(name)!;
  };
  const truth = (e: any): boolean => {
    if (e['Fn::Equals']) {
      const [a, b] = e['Fn::Equals'].map(value);
      if (typeof a !== 'string' || typeof b !== 'string') throw new Error(`cannot evaluate ${JSON.stringify(e)}`);
      return a === b;
    }
    if (e['Fn::Not']) return !truth(e['Fn::Not'][0]);
    if (e['Fn::And']) return e['Fn::And'].every(truth);
    if (e['Fn::Or']) return e['Fn::Or'].some(truth);
    if (e.Condition) return condition(e.Condition);
    throw new Error(`cannot evaluate ${JSON.stringify(e)}`);
  };
  const NO_VALUE = Symbol('AWS::NoValue');
  const walk = (x: any): any => {
    if (Array.isArray(x)) return x.map(walk).filter((v) => v !== NO_VALUE);
    if (!x || typeof x !== 'object') return x;
    if (x.Ref === 'AWS::NoValue') return NO_VALUE;
    if (x['Fn::If']) {
      const [name, whenTrue, whenFalse] = x['Fn::If'];
      return walk(condition(name) ? whenTrue : whenFalse);
    }
    if (Object.keys(x).length === 1 && typeof x.Ref === 'string' && isState(x.Ref)) return liveOf(x.Ref);
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)]).filter(([, v]) => v !== NO_VALUE));
  };
  return { ...template, Resources: walk(template.Resources ?? {}), Outputs: walk(template.Outputs ?? {}) };
}

/** The declared value of each failover state parameter of a set of templates (the state stacks' `AWS::SSM::Parameter` resources), by name. */
export function declaredStates(templates: any[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of templates) {
    for (const r of Object.values<any>(t.Resources ?? {})) {
      if (r.Type === 'AWS::SSM::Parameter' && typeof r.Properties?.Name === 'string' && r.Properties.Name.startsWith('/temporal-ha/')) {
        out[r.Properties.Name] = r.Properties.Value;
      }
    }
  }
  return out;
}
