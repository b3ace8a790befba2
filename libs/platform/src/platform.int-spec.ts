import { Body, Controller, Get, type INestApplication, Module, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Actor, ValidationError } from '@admissions/domain-kernel';
import { IsInt, IsString, Min } from 'class-validator';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CurrentActor, Public, Roles } from './auth/auth.decorators';
import { signDevToken } from './auth/dev-token';
import { configureApp } from './bootstrap';
import { CORRELATION_HEADER, currentCorrelationId } from './logging/correlation';
import { PlatformModule } from './platform.module';
import { StartupSteps } from './resilience/startup-steps';

class PlanCredits {
  @IsString()
  planId!: string;

  @IsInt()
  @Min(1)
  ects!: number;
}

@Controller('probe')
class ProbeController {
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return actor;
  }

  @Get('office')
  @Roles('international-office', 'admin')
  office() {
    return { ok: true };
  }

  @Post('credits')
  @Roles('international-office')
  record(@Body() body: PlanCredits) {
    if (body.ects > 60) throw new ValidationError('at most 60 ECTS per semester', 'MOB-3', 'ects');
    return body;
  }

  @Public()
  @Get('correlation')
  correlation() {
    return { correlationId: currentCorrelationId() };
  }
}

@Module({ imports: [PlatformModule.forService({ name: 'platform-test' })], controllers: [ProbeController] })
class ProbeModule {}

describe('PlatformModule against the real servers', () => {
  let app: INestApplication;
  const keyDir = mkdtempSync(join(tmpdir(), 'dev-jwt-'));
  const officer = () => signDevToken({ sub: 'io-1', roles: ['international-office'] }, { AUTH_DEV_KEY_DIR: keyDir });
  const candidate = () => signDevToken({ sub: 'cand-1', roles: ['candidate'] }, { AUTH_DEV_KEY_DIR: keyDir });

  beforeAll(async () => {
    process.env.AUTH_DEV_KEY_DIR = keyDir;
    process.env.CORS_ALLOWED_ORIGINS = 'https://portal.example.org';
    process.env.LOG_LEVEL ??= 'error'; // the 4xx answered below would each log a warning
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureApp(app, 'platform-test');
    await app.init();
    await app.get(StartupSteps).settled();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is ready when MongoDB, Kafka and Redis answer', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body.details).toMatchObject({
      mongo: { status: 'up' },
      kafka: { status: 'up' },
      redis: { status: 'up' },
    });
    await request(app.getHttpServer()).get('/health/live').expect(200);
  });

  it('serves metrics and the OpenAPI document without a token', async () => {
    await request(app.getHttpServer()).get('/health/live');
    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/health\/live"/);
    const docs = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(docs.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('answers 401 problem+json without a token, and with a forged one', async () => {
    const missing = await request(app.getHttpServer()).get('/probe/me').expect(401);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(missing.body).toMatchObject({ status: 401, instance: '/probe/me' });

    const [header, payload] = officer().split('.');
    const forged = `${header}.${payload}.${Buffer.from('not a signature').toString('base64url')}`;
    await request(app.getHttpServer()).get('/probe/me').auth(forged, { type: 'bearer' }).expect(401);
  });

  it('answers 401 for an expired token', async () => {
    const expired = signDevToken({ sub: 'io-1', roles: ['admin'], expiresIn: -60 }, { AUTH_DEV_KEY_DIR: keyDir });
    const res = await request(app.getHttpServer()).get('/probe/me').auth(expired, { type: 'bearer' }).expect(401);
    expect(res.body.detail).toContain('expired');
  });

  it('gives the route the actor of a valid token', async () => {
    const res = await request(app.getHttpServer()).get('/probe/me').auth(officer(), { type: 'bearer' }).expect(200);
    expect(res.body).toEqual({ id: 'io-1', roles: ['international-office'] });
  });

  it('answers 403 problem+json to a role the route does not admit', async () => {
    const res = await request(app.getHttpServer())
      .get('/probe/office')
      .auth(candidate(), { type: 'bearer' })
      .expect(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(403);
    await request(app.getHttpServer()).get('/probe/office').auth(officer(), { type: 'bearer' }).expect(200);
  });

  it('turns a domain ValidationError into 400 problem+json naming the rule and the field', async () => {
    const res = await request(app.getHttpServer())
      .post('/probe/credits')
      .auth(officer(), { type: 'bearer' })
      .send({ planId: 'p-1', ects: 90 })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'urn:admissions:problem:validation',
      status: 400,
      detail: 'at most 60 ECTS per semester',
      instance: '/probe/credits',
      ruleId: 'MOB-3',
      field: 'ects',
    });
  });

  it('refuses an invalid body with one entry per field, unknown fields included', async () => {
    const res = await request(app.getHttpServer())
      .post('/probe/credits')
      .auth(officer(), { type: 'bearer' })
      .send({ ects: 0, extra: true })
      .expect(400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['ects', 'extra', 'planId']);
  });

  it('refuses malformed JSON with a 400 problem', async () => {
    const res = await request(app.getHttpServer())
      .post('/probe/credits')
      .auth(officer(), { type: 'bearer' })
      .set('content-type', 'application/json')
      .send('{"planId": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it("echoes the caller's correlation id, makes one up otherwise, and exposes it to the handler", async () => {
    const echoed = await request(app.getHttpServer())
      .get('/probe/correlation')
      .set(CORRELATION_HEADER, 'trace-42')
      .expect(200);
    expect(echoed.headers[CORRELATION_HEADER]).toBe('trace-42');
    expect(echoed.body.correlationId).toBe('trace-42');

    const fresh = await request(app.getHttpServer()).get('/probe/correlation').expect(200);
    expect(fresh.headers[CORRELATION_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.body.correlationId).toBe(fresh.headers[CORRELATION_HEADER]);
  });

  it("sends helmet's headers, and Swagger UI still loads under its content security policy", async () => {
    const live = await request(app.getHttpServer()).get('/health/live').expect(200);
    expect(live.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(live.headers['x-powered-by']).toBeUndefined();

    const page = await request(app.getHttpServer()).get('/docs').redirects(1).expect(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    // Every script of the page is a file of the same origin (no inline script the CSP would block).
    const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) {
      const src = /src="([^"]+)"/.exec(attributes)?.[1];
      expect(src).toMatch(/^\.?\/?[\w./-]+\.js$/);
      await request(app.getHttpServer())
        .get(new URL(String(src), 'http://service/docs').pathname)
        .expect(200);
    }
  });

  it('refuses a JSON body over 1 MB with 413 problem+json naming the limit', async () => {
    const res = await request(app.getHttpServer())
      .post('/probe/credits')
      .auth(officer(), { type: 'bearer' })
      .send({ planId: 'x'.repeat(1024 * 1024), ects: 1 })
      .expect(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 413, type: 'urn:admissions:problem:body-too-large' });
    expect(res.body.detail).toContain('1048576 bytes');
  });

  it('answers CORS to the origins CORS_ALLOWED_ORIGINS lists, and to no other', async () => {
    const listed = await request(app.getHttpServer())
      .options('/probe/me')
      .set('origin', 'https://portal.example.org')
      .set('access-control-request-method', 'GET')
      .expect(204);
    expect(listed.headers['access-control-allow-origin']).toBe('https://portal.example.org');
    const other = await request(app.getHttpServer()).get('/health/live').set('origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
