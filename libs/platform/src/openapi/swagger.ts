import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { describeErrorsAndSecurity } from './error-responses';
import { toOpenApi31 } from './openapi-31';
import { closeRequestSchemas } from './request-schemas';

export const BEARER_SCHEME = 'bearer';

/**
 * The OpenAPI 3.1 document of a service: its routes as the controllers declare them, request
 * bodies closed as the validation pipe closes them, what the platform answers on every route
 * (problem+json errors, 401/403, 503 with Retry-After) and the security of each (none for
 * @Public() routes, a bearer JWT for all others).
 */
export function createOpenApiDocument(app: INestApplication, serviceName: string, version = '0.1.0'): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(`Admissions — ${serviceName}`)
    .setDescription(
      `HTTP API of the ${serviceName} service. Errors are RFC 9457 application/problem+json, ` +
        'with `ruleId` and `field` when a rule refuses the request.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .build();
  const generated = toOpenApi31(SwaggerModule.createDocument(app, config));
  return describeErrorsAndSecurity(closeRequestSchemas(generated), BEARER_SCHEME);
}

/** Swagger UI at /docs and the OpenAPI document at /docs-json (and /docs-yaml). */
export function setUpOpenApi(app: INestApplication, serviceName: string, version = '0.1.0'): void {
  const document = createOpenApiDocument(app, serviceName, version);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
