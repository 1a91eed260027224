// The Stripe API's request encoding: application/x-www-form-urlencoded with bracketed keys for nested objects and
// indexed arrays (`metadata[paymentId]=...`, `line_items[0][price_data][currency]=usd`), as the stripe package writes it.

export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

function segmentsOf(key: string): string[] {
  const first = key.indexOf('[');
  if (first < 0) return [key];
  const rest = key.slice(first).match(/\[([^\]]*)\]/g) ?? [];
  return [key.slice(0, first), ...rest.map((s) => s.slice(1, -1))];
}

/** Parses a Stripe form body (or query string) into nested objects; arrays come back as arrays, in index order. */
export function parseStripeForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = segmentsOf(key);
    let node: FormObject = root;
    path.forEach((segment, i) => {
      if (i === path.length - 1) {
        node[segment] = value;
        return;
      }
      const next = node[segment];
      if (typeof next !== 'object' || Array.isArray(next)) node[segment] = {};
      node = node[segment] as FormObject;
    });
  }
  return toArrays(root) as FormObject;
}

/** Objects whose keys are exactly 0..n-1 were arrays. */
function toArrays(value: FormValue): FormValue {
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: FormObject = {};
  for (const key of keys) converted[key] = toArrays(value[key] as FormValue);
  const isArray = keys.length > 0 && keys.every((k, i) => k === String(i));
  return isArray ? keys.map((k) => converted[k] as FormValue) : converted;
}
