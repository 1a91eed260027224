import type { Template } from 'aws-cdk-lib/assertions';

export interface Statement {
  actions: string[];
  /** Resources flattened to strings: `<Logical.Attr>` for GetAtt, `<Logical>` for Ref, joins concatenated. */
  resources: string[];
}

type CfnValue = string | { Ref?: string; 'Fn::GetAtt'?: [string, string]; 'Fn::Join'?: [string, CfnValue[]]; 'Fn::Sub'?: string };
interface RawStatement {
  Effect: string;
  Action: string | string[];
  Resource?: CfnValue | CfnValue[];
}
interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  DependsOn?: string[];
}

/** A CloudFormation value as one readable string. */
export function flatten(value: CfnValue): string {
  if (typeof value === 'string') return value;
  if (value.Ref) return `<${value.Ref}>`;
  if (value['Fn::GetAtt']) return `<${value['Fn::GetAtt'].join('.')}>`;
  if (value['Fn::Join']) return value['Fn::Join'][1].map(flatten).join(value['Fn::Join'][0]);
  if (value['Fn::Sub']) return value['Fn::Sub'];
  throw new Error(`Cannot flatten ${JSON.stringify(value)}`);
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function toStatements(document: unknown): Statement[] {
  return list((document as { Statement: RawStatement | RawStatement[] }).Statement)
    .filter((s) => s.Effect === 'Allow')
    .map((s) => ({ actions: list(s.Action), resources: list(s.Resource).map(flatten) }));
}

/** The IAM view of a template: every Allow statement, by role, and which function each role belongs to. */
export function readIam(template: Template) {
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const byRole = new Map<string, { statements: Statement[]; policies: string[] }>();
  const entry = (roleId: string) => {
    if (!byRole.has(roleId)) byRole.set(roleId, { statements: [], policies: [] });
    return byRole.get(roleId)!;
  };
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type === 'AWS::IAM::Role') {
      for (const inline of list(resource.Properties.Policies as { PolicyDocument: unknown }[])) {
        entry(id).statements.push(...toStatements(inline.PolicyDocument));
      }
    }
    if (resource.Type === 'AWS::IAM::Policy') {
      for (const role of list(resource.Properties.Roles as { Ref: string }[])) {
        entry(role.Ref).statements.push(...toStatements(resource.Properties.PolicyDocument));
        entry(role.Ref).policies.push(id);
      }
    }
  }
  const functions = Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::Lambda::Function' && typeof r.Properties.FunctionName === 'string')
    .map(([id, r]) => {
      const roleId = (r.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      return {
        id,
        name: r.Properties.FunctionName as string,
        roleId,
        dependsOn: r.DependsOn ?? [],
        environment: ((r.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}) as Record<string, unknown>,
        statements: byRole.get(roleId)?.statements ?? [],
        policies: byRole.get(roleId)?.policies ?? [],
      };
    });
  const allStatements = [...byRole.values()].flatMap((r) => r.statements);
  return { resources, byRole, functions, allStatements };
}
