import fc from 'fast-check';
import { hostileString, hostileValue, RawJson, toJsonText } from './hostile-values';
import { boundaryValues, type Components, resolve, type Schema, validValue } from './schema-values';

type Json = Record<string, unknown>;

/** One operation of an OpenAPI document. */
export interface DocumentedOperation {
  readonly method: string;
  /** As the document writes it: /v1/plans/{id} */
  readonly path: string;
  readonly operation: Json;
}

/** A value drawn from the ids the service handed out so far (see IdPool), or one of its own. */
export type ParamValue = { readonly pooled: number } | { readonly value: string };

export interface MultipartPart {
  readonly name: string;
  readonly fileName?: string;
  readonly contentType?: string;
  readonly content: string | Uint8Array;
}

export type BodyPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly contentType: string; readonly value: unknown }
  | { readonly kind: 'raw'; readonly contentType: string; readonly text: string }
  | { readonly kind: 'multipart'; readonly parts: readonly MultipartPart[] };

/** What one fuzzed request will be, before the pooled ids are picked. */
export interface RequestPlan {
  readonly variant: string;
  readonly pathParams: Readonly<Record<string, ParamValue>>;
  readonly query: readonly (readonly [string, ParamValue])[];
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: BodyPlan;
}

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: Schema;
}

const paramsOf = (operation: Json, where: string) =>
  ((operation.parameters ?? []) as Parameter[]).filter((parameter) => parameter.in === where);

/** A path or query value: an id the service handed out, a valid one, or a hostile one. */
function paramValue(parameter: Parameter, components: Components, pathSegment: boolean): fc.Arbitrary<ParamValue> {
  const valid = validValue(parameter.schema ?? { type: 'string' }, components).map(String);
  // An empty path segment is another route, not this operation's input.
  const usable = (value: string) => !pathSegment || value.length > 0;
  return fc.oneof(
    fc.nat().map((pooled) => ({ pooled })),
    valid.filter(usable).map((value) => ({ value })),
    hostileString.filter(usable).map((value) => ({ value })),
  );
}

const JSON_TYPE = 'application/json';

/** Wrong content types for a JSON body, and JSON with charsets and encodings body-parser refuses. */
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/json; charset=utf-16',
  'application/json; charset=latin-9',
  'application/octet-stream',
];

/** A JSON body: valid, at a boundary, with a field missing, wrong, added, or a hostile whole. */
function jsonBody(schema: Schema, components: Components): fc.Arbitrary<{ variant: string; body: BodyPlan }> {
  const node = resolve(schema, components);
  const properties = Object.keys((node.properties ?? {}) as Json);
  const json = (variant: string) => (value: unknown) => ({
    variant,
    body: { kind: 'json', contentType: JSON_TYPE, value } as BodyPlan,
  });
  const valid = validValue(node, components);
  const asObject = (value: unknown): Json =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Json) } : {};
  const variants: fc.Arbitrary<{ variant: string; body: BodyPlan }>[] = [
    valid.map(json('valid body')),
    fc.constantFrom(...[{}, [], null, 'text', 42, new RawJson(' ')]).map(json('body of another shape')),
    hostileValue.map(json('hostile body')),
    fc
      .tuple(valid, fc.string({ minLength: 1, maxLength: 12 }), fc.oneof(hostileValue, fc.jsonValue({ maxDepth: 2 })))
      .map(([value, key, extra]) => json('extra field')({ ...asObject(value), [key]: extra })),
    fc.tuple(valid, fc.constantFrom('$gt', '$where', '__proto__', 'constructor', '$set')).map(([value, key]) =>
      // Parsed, so that __proto__ is an own key, as an attacker's JSON makes it.
      json('operator key')({ ...asObject(value), ...(JSON.parse(`{${JSON.stringify(key)}:{"$ne":null}}`) as Json) }),
    ),
    fc.tuple(fc.constantFrom(...WRONG_CONTENT_TYPES), valid).map(([contentType, value]) => ({
      variant: 'wrong content type',
      body: { kind: 'raw', contentType, text: toJsonText(value) } as BodyPlan,
    })),
    fc
      .constantFrom('{', '{"a":', 'nul', '[1,]', '{"a":1}}', "{'a':1}", '\u0000', '')
      .map((text) => ({ variant: 'malformed JSON', body: { kind: 'raw', contentType: JSON_TYPE, text } as BodyPlan })),
    fc.integer({ min: 1024 * 1024 - 16, max: 1024 * 1024 + 64 }).map((size) => ({
      variant: 'body at the size limit',
      body: { kind: 'raw', contentType: JSON_TYPE, text: `{"x":"${'a'.repeat(size - 8)}"}` } as BodyPlan,
    })),
  ];
  if (properties.length > 0) {
    const oneField = fc.constantFrom(...properties);
    const propertySchema = (key: string) => ((node.properties as Record<string, Schema>)[key] ?? {}) as Schema;
    variants.push(
      fc.tuple(valid, oneField).map(([value, key]) => {
        const { [key]: _dropped, ...rest } = asObject(value);
        return json('missing field')(rest);
      }),
      fc
        .tuple(valid, oneField, hostileValue)
        .map(([value, key, wrong]) => json('hostile field')({ ...asObject(value), [key]: wrong })),
    );
    const bounded = properties.filter((key) => boundaryValues(propertySchema(key), components).length > 0);
    if (bounded.length > 0) {
      variants.push(
        fc
          .constantFrom(...bounded)
          .chain((key) =>
            fc.tuple(valid, fc.constant(key), fc.constantFrom(...boundaryValues(propertySchema(key), components))),
          )
          .map(([value, key, edge]) => json('boundary field')({ ...asObject(value), [key]: edge })),
      );
    }
  }
  return fc.oneof(...variants);
}

const PDF_BYTES = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const fileContents = fc.oneof(
  fc.constant(PDF_BYTES),
  fc.uint8Array({ maxLength: 2048 }),
  fc.constant(new Uint8Array()),
  fc.constant(new TextEncoder().encode('%PDF-1.7\n garbage')),
);
const fileNames = fc.oneof(
  fc.constantFrom('cv.pdf', 'lettre de motivation.pdf', 'a'.repeat(300) + '.pdf'),
  hostileString,
);

/** A multipart upload: the documented parts with odd names and contents, or parts missing, doubled, or foreign. */
function multipartBody(schema: Schema, components: Components): fc.Arbitrary<{ variant: string; body: BodyPlan }> {
  const node = resolve(schema, components);
  const properties = (node.properties ?? {}) as Record<string, Schema>;
  const fields = Object.entries(properties).filter(([, property]) => property.format !== 'binary');
  const files = Object.keys(properties).filter((key) => properties[key].format === 'binary');
  const fieldParts = fc.tuple(
    ...fields.map(([name, property]) =>
      fc
        .oneof(validValue(property, components).map(String), hostileString)
        .map((content): MultipartPart => ({ name, content })),
    ),
  );
  const fileParts = fc.tuple(
    ...files.map((name) =>
      fc
        .tuple(fileNames, fileContents, fc.constantFrom('application/pdf', 'text/plain', 'application/x-msdownload'))
        .map(([fileName, content, contentType]): MultipartPart => ({ name, fileName, content, contentType })),
    ),
  );
  const multipart = (variant: string) => (parts: readonly MultipartPart[]) => ({
    variant,
    body: { kind: 'multipart', parts } as BodyPlan,
  });
  return fc.oneof(
    fc.tuple(fieldParts, fileParts).map(([a, b]) => multipart('upload')([...a, ...b])),
    fieldParts.map((parts) => multipart('upload without its file')(parts)),
    fc.tuple(fieldParts, fileParts).map(([a, b]) => multipart('upload with the file twice')([...a, ...b, ...b])),
    fc
      .tuple(fieldParts, fileParts, fc.constantFrom('$gt', 'other', '__proto__', 'file[]'))
      .map(([a, b, name]) => multipart('upload with a foreign part')([...a, ...b, { name, content: 'x' }])),
    fc
      .constantFrom(JSON_TYPE, 'multipart/form-data', 'multipart/form-data; boundary=', 'text/plain')
      .map((contentType) => ({
        variant: 'upload with a wrong content type',
        body: { kind: 'raw', contentType, text: '--fuzz\r\n{"file":"../../etc/passwd"}' } as BodyPlan,
      })),
  );
}

/** A body where the operation takes none: most requests send none, some send one anyway. */
const unexpectedBody = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ variant: 'no body', body: { kind: 'none' } as BodyPlan }) },
  hostileValue.map((value) => ({
    variant: 'unexpected body',
    body: { kind: 'json', contentType: JSON_TYPE, value } as BodyPlan,
  })),
);

/**
 * Requests for one operation, valid, at the bounds and hostile: path and query parameters, the
 * documented headers, and the body of each documented content type, with the wrong ones too.
 */
export function requestPlans(documented: DocumentedOperation, components: Components): fc.Arbitrary<RequestPlan> {
  const { operation } = documented;
  const pathParams = fc.record(
    Object.fromEntries(
      paramsOf(operation, 'path').map((parameter) => [parameter.name, paramValue(parameter, components, true)]),
    ),
  );
  const declaredQuery = paramsOf(operation, 'query').map((parameter) =>
    fc
      .option(paramValue(parameter, components, false), { nil: undefined })
      .map((value) => [parameter.name, value] as const),
  );
  const extraQuery = fc.option(
    fc.tuple(
      fc.constantFrom('candidacyId[$gt]', 'status[$ne]', '$where', 'unknown', 'lang[]'),
      fc.oneof(hostileString, fc.constant('')).map((value): ParamValue => ({ value })),
    ),
    { nil: undefined },
  );
  const query = fc
    .tuple(fc.tuple(...declaredQuery), extraQuery)
    .map(([declared, extra]) =>
      [...declared, ...(extra === undefined ? [] : [extra])].filter(
        (entry): entry is readonly [string, ParamValue] => entry[1] !== undefined,
      ),
    );
  const headers = fc.record(
    Object.fromEntries(
      paramsOf(operation, 'header').map((parameter) => [
        parameter.name,
        fc.oneof(
          validValue(parameter.schema ?? { type: 'string' }, components).map(String),
          fc.constantFrom('*', 'xx-YY;q=2, ;;', 'fr-FR,en;q=0.5', ''),
        ),
      ]),
    ),
    { requiredKeys: [] },
  );
  const content = ((operation.requestBody as Json | undefined)?.content ?? {}) as Record<string, { schema?: Schema }>;
  const bodies = Object.entries(content).map(([type, media]) =>
    type === 'multipart/form-data'
      ? multipartBody(media.schema ?? {}, components)
      : jsonBody(media.schema ?? {}, components),
  );
  const body = bodies.length === 0 ? unexpectedBody : fc.oneof(...bodies);
  return fc.record({ pathParams, query, headers, body }).map(({ body: { variant, body: plan }, ...rest }) => ({
    variant,
    ...rest,
    body: plan,
  }));
}
