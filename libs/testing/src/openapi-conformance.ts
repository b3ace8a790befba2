import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Observation } from './openapi-observations';

interface MediaType {
  readonly schema?: object;
}
interface Response {
  readonly content?: Readonly<Record<string, MediaType>>;
}
interface Operation {
  readonly responses?: Readonly<Record<string, Response>>;
}
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, object>> };
}

/** The id under which the component schemas are known to Ajv. */
const DOCUMENT_ID = 'urn:admissions:openapi';
/** Served by the platform beside the API, not operations of it. */
const NOT_OPERATIONS = /^\/(docs|metrics)\b/;

/**
 * Every object schema that lists its properties and says nothing of others, closed: a reply that
 * carries a property its DTO does not document (an internal field leaking out) is a mismatch,
 * though the document itself leaves clients free to ignore what they do not know.
 */
function closed<T>(node: T): T {
  if (Array.isArray(node)) return node.map(closed) as T;
  if (typeof node !== 'object' || node === null) return node;
  const schema = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closed(value)]));
  const open = schema.properties !== undefined && schema.additionalProperties === undefined && !('allOf' in schema);
  return (open ? { ...schema, additionalProperties: false } : schema) as T;
}

/**
 * Holds observed replies against one service's OpenAPI document: each must have a documented
 * status, a documented content type, and a body its schema accepts, with no undocumented property. Returns one line per
 * mismatch, naming the service, method, path and status.
 */
export class ConformanceChecker {
  private readonly ajv = new Ajv2020({ strict: false, logger: false });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    private readonly service: string,
    private readonly document: OpenApiDocument,
  ) {
    addFormats(this.ajv);
    // The component schemas, so that `#/components/schemas/X` resolves from any schema below.
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: closed(document.components ?? {}) });
  }

  check(observation: Observation): string | undefined {
    const { method, path, status } = observation;
    if (NOT_OPERATIONS.test(path)) return undefined;
    const where = `${this.service} ${method} ${path} ${status}`;
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    if (operation === undefined) return `${where}: the operation is not documented`;
    const responses = operation.responses ?? {};
    const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (response === undefined) return `${where}: the status is not documented`;
    if (observation.body === undefined) return undefined;
    const mediaType = (observation.contentType ?? '').split(';')[0].trim();
    const media = response.content?.[mediaType];
    if (media === undefined) return `${where}: a ${mediaType} body is not documented`;
    if (media.schema === undefined) return `${where}: the ${mediaType} body has no schema`;
    const validate = this.validator(`${method} ${path} ${status} ${mediaType}`, media.schema);
    if (validate(observation.body)) return undefined;
    const [error] = validate.errors ?? [];
    return `${where}: ${error?.instancePath || '(body)'} ${error?.message ?? 'is not valid'} ${JSON.stringify(error?.params ?? {})}`;
  }

  private validator(key: string, schema: object): ValidateFunction {
    const known = this.validators.get(key);
    if (known) return known;
    const rebased = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`),
    ) as object;
    const validate = this.ajv.compile(closed(rebased));
    this.validators.set(key, validate);
    return validate;
  }
}
