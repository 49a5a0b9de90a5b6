import type { z } from 'zod';

/** Wrappers whose limit is their inner schema's. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/** The smaller of two limits, where undefined means no limit. */
function tighter(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/**
 * The longest text `schema` accepts, from its own `.max()`: looks through optional, nullable,
 * default and pipes (text is trimmed, then checked), and takes the widest option of a union.
 * Undefined when the schema sets no limit. An input's `maxLength` reads it here, so the renderer
 * never copies a number from the contract and a paste can never outgrow what the API accepts.
 */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  const def = schema.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if (def.type === 'string') return (schema as z.ZodString).maxLength ?? undefined;
  if (def.type === 'literal') return Math.max(...[...(schema as z.ZodLiteral).values].map((v) => String(v).length));
  if (WRAPPERS.has(def.type)) return maxLengthOf(def.innerType as z.ZodType);
  if (def.type === 'pipe') return tighter(maxLengthOf(def.in as z.ZodType), maxLengthOf(def.out as z.ZodType));
  if (def.type === 'union') {
    const limits = (def.options as z.ZodType[]).map(maxLengthOf);
    return limits.includes(undefined) ? undefined : Math.max(...(limits as number[]));
  }
  return undefined;
}

/**
 * The limit of the field at `path` in an object schema, written as for Mantine's
 * `getInputProps` ("notes", "lines.0.description", "vatOverride.reason"). Throws when the path
 * names no field, so a renamed field fails loudly instead of losing its limit.
 */
export function fieldMaxLength(schema: z.ZodType, path: string): number | undefined {
  let current = schema;
  for (const key of path.split('.')) {
    current = fieldOf(current, key, path);
  }
  return maxLengthOf(current);
}

/** The schema of one step of a path: an object's field, an array's element, or the field in the first option of a union that has it. */
function fieldOf(schema: z.ZodType, key: string, path: string): z.ZodType {
  const def = schema.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if (WRAPPERS.has(def.type)) return fieldOf(def.innerType as z.ZodType, key, path);
  if (def.type === 'pipe') return fieldOf(def.in as z.ZodType, key, path);
  if (def.type === 'union') {
    for (const option of def.options as z.ZodType[]) {
      try {
        return fieldOf(option, key, path);
      } catch {
        // Another option may have the field; the last failure below names the path.
      }
    }
  }
  if (def.type === 'array' && /^\d+$/.test(key)) return def.element as z.ZodType;
  if (def.type === 'object') {
    const field = (def.shape as Record<string, z.ZodType>)[key];
    if (field) return field;
  }
  throw new Error(`The schema has no field ${path}`);
}
