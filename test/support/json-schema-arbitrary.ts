/**
 * fast-check arbitraries from the JSON schemas of the OpenAPI document, for
 * fuzzing the API. Only the subset the document uses: type (one or a list),
 * properties, required, additionalProperties, enum, const, format (uuid,
 * email, date, date-time, binary), pattern, minLength/maxLength,
 * minimum/maximum, items/minItems/maxItems, anyOf/oneOf, nullable.
 *
 * `validValue` stays inside the schema. `fuzzValue` mixes valid values with
 * invalid ones at every level: wrong types, NUL bytes, lone surrogates, huge
 * strings, numbers out of range, missing and extra fields. Strings whose
 * property name has real ids in `pools` draw from them often, so that the
 * requests reach the services, not only the validators.
 */
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
};

/** Real values by property or parameter name (groupId, meetingId, email, ...). */
export type Pools = Readonly<Record<string, readonly unknown[]>>;

type Context = { pools: Pools; name?: string };

/** How long generated strings get when the schema allows more (keeps runs small). */
const LONGEST = 120;
const MOST_ITEMS = 6;

const typesOf = (schema: JsonSchema): string[] => {
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (schema.nullable && !types.includes('null')) types.push('null');
  return types;
};

/** A value the schema accepts (as far as a generator can tell without running it). */
export function validValue(schema: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  const pooled = poolFor(context);
  const own = validOwn(schema, context);
  return pooled ? fc.oneof({ weight: 6, arbitrary: pooled }, { weight: 1, arbitrary: own }) : own;
}

/** A pool's values, the first (the likeliest to succeed) most often. */
function poolFor(context: Context): fc.Arbitrary<unknown> | null {
  const values = context.name ? context.pools[context.name] : undefined;
  if (!values || values.length === 0) return null;
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(values[0]) },
    { weight: 1, arbitrary: fc.constantFrom(...values) },
  );
}

function validOwn(schema: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => validValue(branch, context)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = typesOf(schema);
  if (types.length === 0) return anyJson();
  return fc.oneof(...types.map((type) => validOfType(type, schema, context)));
}

function validOfType(type: string, schema: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1_000_001) + 1;
      const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1_000_001) - 1;
      return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
    }
    case 'number': {
      const min = schema.minimum ?? -1e6;
      const max = schema.maximum ?? 1e6;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'string':
      return validString(schema);
    case 'array':
      return fc.array(schema.items ? validValue(schema.items, context) : anyJson(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(
          schema.minItems ?? 0,
          Math.min(schema.maxItems ?? MOST_ITEMS, MOST_ITEMS),
        ),
      });
    case 'object':
      return validObject(schema, context);
    default:
      return anyJson();
  }
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 254));
    case 'date':
      return isoDate().map((d) => d.slice(0, 10));
    case 'date-time':
      return isoDate();
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    return fc.stringMatching(pattern, { size: 'small' });
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? LONGEST, LONGEST));
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
  );
}

const isoDate = () =>
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString());

function validObject(schema: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    model[name] = validValue(property, { ...context, name });
  }
  const known = fc.record(model, { requiredKeys: schema.required ?? [] });
  if (Object.keys(properties).length > 0 || schema.additionalProperties === false) return known;
  // An open object (a map, or a document described elsewhere).
  return fc.dictionary(fc.string({ maxLength: 20 }), anyJson(), { maxKeys: 5 });
}

const anyJson = (): fc.Arbitrary<unknown> => fc.jsonValue({ maxDepth: 2 });

const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uFFFF',
  '\u202E',
  '%00',
  '%',
  '../../etc/passwd',
  "'; select pg_sleep(10); --",
  '<script>alert(1)</script>',
  '{{7*7}}',
  'null',
  'NaN',
  '-0',
  '1e400',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

/** Strings that break naive handling of text. */
export function nastyString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 3, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.constantFrom(1_001, 10_001, 120_000).map((n) => 'x'.repeat(n)) },
  );
}

/** A value of the wrong kind for `schema`, or just outside its bounds. */
export function invalidValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const types = typesOf(schema);
  const wrongType = fc
    .oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double(),
      nastyString(),
      fc.constant([]),
      fc.constant({}),
      fc.array(fc.integer(), { maxLength: 3 }),
    )
    .filter(
      (v) => !types.includes(kindOf(v)) && !(kindOf(v) === 'integer' && types.includes('number')),
    );
  const outOfBounds: fc.Arbitrary<unknown>[] = [nastyString()];
  if (types.includes('integer') || types.includes('number')) {
    outOfBounds.push(
      fc.constantFrom(
        (schema.minimum ?? 0) - 1,
        (schema.maximum ?? 0) + 1,
        2 ** 31,
        -(2 ** 31) - 1,
        2 ** 53 + 2,
        -1,
        0.5,
        1e308,
      ),
    );
  }
  if (types.includes('string')) {
    if (schema.maxLength !== undefined)
      outOfBounds.push(fc.constant('y'.repeat(schema.maxLength + 1)));
    if (schema.minLength) outOfBounds.push(fc.constant('y'.repeat(schema.minLength - 1)));
    if (schema.format === 'uuid')
      outOfBounds.push(
        fc.constantFrom('not-a-uuid', '123', 'A0B1C2D3-0000-4000-8000-00000000000G', '\u0000'),
      );
    if (schema.enum)
      outOfBounds.push(fc.constantFrom('not_in_the_list', String(schema.enum[0]).toUpperCase()));
  }
  if (types.includes('array')) {
    outOfBounds.push(
      fc.constant(Array.from({ length: (schema.maxItems ?? 1000) + 1 }, () => 'z')),
      fc.array(nastyString(), { minLength: 1, maxLength: 3 }),
    );
  }
  if (types.includes('object')) {
    outOfBounds.push(
      fc.constant(
        JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}'),
      ),
    );
  }
  return fc.oneof(wrongType, ...outOfBounds);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Mostly-valid values with invalid ones mixed in at every level: a valid
 * value, a value with one or more parts broken, missing required fields or
 * with extra fields, or something else altogether.
 */
export function fuzzValue(schema: JsonSchema, context: Context, depth = 0): fc.Arbitrary<unknown> {
  const valid = validValue(schema, context);
  const invalid = invalidValue(schema);
  const types = typesOf(schema);
  const broken: fc.Arbitrary<unknown>[] = [invalid];
  if (types.includes('object') && schema.properties && depth < 4) {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      model[name] = fuzzValue(property, { ...context, name }, depth + 1);
    }
    const required = schema.required ?? [];
    broken.push(
      // Each field valid or not; required ones sometimes missing.
      fc.record(model, { requiredKeys: required.filter((_, i) => i % 2 === 0) }),
      // Extra fields.
      fc
        .tuple(
          validObject(schema, context),
          fc.dictionary(fc.string({ maxLength: 12 }), anyJson(), { minKeys: 1, maxKeys: 3 }),
        )
        .map(([object, extra]) => ({ ...extra, ...(object as object) })),
    );
  }
  if (types.includes('array') && schema.items && depth < 4) {
    broken.push(
      fc.array(fuzzValue(schema.items, context, depth + 1), {
        maxLength: Math.min(schema.maxItems ?? MOST_ITEMS, MOST_ITEMS),
      }),
    );
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && depth < 4) {
    broken.push(...branches.map((branch) => fuzzValue(branch, context, depth + 1)));
  }
  return fc.oneof(
    { weight: depth === 0 ? 4 : 8, arbitrary: valid },
    { weight: 3, arbitrary: fc.oneof(...broken) },
  );
}
