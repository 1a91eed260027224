type Resources = Record<string, { Properties?: unknown; DependsOn?: string | string[] }>;

/** The resources one value refers to through Ref, Fn::GetAtt or Fn::Sub. */
function referencesIn(value: unknown, ids: Set<string>, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, ids, found);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  if (typeof object.Ref === 'string' && ids.has(object.Ref)) found.add(object.Ref);
  const getAtt = object['Fn::GetAtt'];
  if (getAtt) {
    const id = Array.isArray(getAtt) ? String(getAtt[0]) : String(getAtt).split('.')[0]!;
    if (ids.has(id)) found.add(id);
  }
  const sub = object['Fn::Sub'];
  if (sub) {
    const text = Array.isArray(sub) ? String(sub[0]) : String(sub);
    for (const match of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z]+)?\}/g)) if (ids.has(match[1]!)) found.add(match[1]!);
  }
  for (const nested of Object.values(object)) referencesIn(nested, ids, found);
}

/** A dependency cycle between resources (which CloudFormation refuses to deploy), or undefined. */
export function findCycle(resources: Resources): string[] | undefined {
  const ids = new Set(Object.keys(resources));
  const edges = new Map<string, string[]>();
  for (const [id, resource] of Object.entries(resources)) {
    const found = new Set<string>([resource.DependsOn ?? []].flat());
    referencesIn(resource.Properties, ids, found);
    edges.set(id, [...found]);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): string[] | undefined => {
    state.set(id, 'visiting');
    path.push(id);
    for (const next of edges.get(id) ?? []) {
      if (state.get(next) === 'visiting') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next, path);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of ids) {
    if (state.has(id)) continue;
    const cycle = visit(id, []);
    if (cycle) return cycle;
  }
  return undefined;
}
