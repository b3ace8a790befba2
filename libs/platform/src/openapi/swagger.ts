import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const BEARER_SCHEME = 'bearer';

/** Swagger UI at /docs and the OpenAPI document at /docs-json; every route needs a bearer JWT. */
export function setUpOpenApi(app: INestApplication, serviceName: string, version = '0.1.0'): void {
  const config = new DocumentBuilder()
    .setTitle(`Admissions — ${serviceName}`)
    .setDescription(
      `HTTP API of the ${serviceName} service. Errors are RFC 9457 application/problem+json, ` +
        'with `ruleId` and `field` when a rule refuses the request.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
