import { getMetadataStorage } from 'class-validator';

/** What @ApiProperty stored for a property (the subset compared here). */
interface ApiPropertyFacts {
  readonly type?: unknown;
  readonly isArray?: boolean;
  readonly required?: boolean;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean | number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

interface Constraint {
  readonly name?: string;
  readonly type: string;
  readonly constraints?: readonly unknown[];
  readonly propertyName: string;
  readonly each?: boolean;
}

const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

const typeName = (type: unknown): string | undefined =>
  typeof type === 'function' ? type.name.toLowerCase() : typeof type === 'string' ? type : undefined;
const sameSet = (a: readonly unknown[] = [], b: readonly unknown[] = []) =>
  a.length === b.length && a.every((value) => b.includes(value));

/** The document's statement a class-validator constraint needs, or undefined when it needs none. */
function expectation(constraint: Constraint, facts: ApiPropertyFacts, conditional: boolean): string | undefined {
  const [first] = constraint.constraints ?? [];
  const type = typeName(facts.type);
  const checks: Record<string, () => boolean> = {
    isString: () => type === 'string' || facts.enum !== undefined,
    isBoolean: () => type === 'boolean',
    isInt: () => type === 'integer',
    isNumber: () => type === 'number' || type === 'integer',
    isNotEmpty: () => (facts.minLength ?? 0) >= 1 || facts.enum !== undefined || facts.pattern !== undefined,
    maxLength: () => facts.maxLength === first,
    minLength: () => facts.minLength === first,
    matches: () => facts.pattern === (first as RegExp).source,
    isIn: () => sameSet(facts.enum, first as unknown[]),
    min: () => facts.minimum === first,
    max: () => facts.maximum === first,
    isPositive: () => facts.minimum === 0 && facts.exclusiveMinimum === true,
    isEmail: () => facts.format === 'email',
    isIso8601: () => facts.format === 'date-time' || facts.format === 'date',
    isIsoDate: () => facts.format === 'date',
    isUrl: () => facts.format === 'uri',
    arrayMaxSize: () => facts.maxItems === first,
    arrayMinSize: () => facts.minItems === first,
    arrayNotEmpty: () => (facts.minItems ?? 0) >= 1,
    isArray: () => facts.isArray === true || type === 'array',
    // IsOptional and ValidateIf switch IsDefined off when the value is missing.
    isDefined: () => conditional || facts.required !== false,
  };
  const name = constraint.name === 'isISO8601' ? 'isIso8601' : constraint.name;
  const check = name === undefined ? undefined : checks[name];
  if (check === undefined || check()) return undefined;
  return `${constraint.propertyName}: ${constraint.name}(${(constraint.constraints ?? []).map(String).join(', ')}) is not documented`;
}

/**
 * Each class-validator constraint of a request DTO that its @ApiProperty does not state: a
 * client reading the OpenAPI document would send what the service then refuses.
 */
export function undocumentedConstraints(dto: abstract new (...args: never[]) => unknown): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false) as Constraint[];
  const byProperty = new Map<string, Constraint[]>();
  for (const entry of metadata)
    byProperty.set(entry.propertyName, [...(byProperty.get(entry.propertyName) ?? []), entry]);
  return [...byProperty].flatMap(([property, constraints]) => {
    const facts = Reflect.getMetadata(API_MODEL_PROPERTIES, dto.prototype as object, property) as
      ApiPropertyFacts | undefined;
    if (facts === undefined) return [`${property}: no @ApiProperty`];
    // IsOptional and ValidateIf: the property may be left out, so the document must not require it.
    const conditional = constraints.some((constraint) => constraint.type === 'conditionalValidation');
    const requiredProblem =
      conditional === (facts.required !== false)
        ? [`${property}: documented as ${conditional ? 'required' : 'optional'}, validated otherwise`]
        : [];
    const problems = constraints.map((constraint) => expectation(constraint, facts, conditional));
    return [...requiredProblem, ...problems.filter((problem): problem is string => problem !== undefined)];
  });
}
