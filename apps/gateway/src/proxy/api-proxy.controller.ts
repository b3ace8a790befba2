import { All, Controller, Inject, NotFoundException, Param, Req, Res, UseGuards } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, RETRY_AFTER_SECONDS, SERVICES, type ServiceName } from '@admissions/platform';
import type { Response } from 'express';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { GatewayEnv, serviceUrl } from '../config/gateway-env';
import { SessionGuard, type SessionRequest } from '../session/session.guard';

/** What the browser may tell a service; its cookies and any Authorization of its own stay here. */
const FORWARDED_REQUEST = [
  'accept',
  'accept-language',
  'content-type',
  'content-length',
  'x-consistency-token',
  'x-correlation-id',
];
/** Hop-by-hop headers, and cookies a service has no business setting on the portal's site. */
const DROPPED_RESPONSE = new Set(['connection', 'keep-alive', 'transfer-encoding', 'set-cookie']);

const isService = (name: string): name is ServiceName => (SERVICES as readonly string[]).includes(name);

/**
 * `/api/<service>/<path>` → `<SERVICE_URL>/<path>` with the session's access token as a Bearer
 * token. Bodies stream through untouched (uploads included); the service's reply, status and
 * problem+json included, comes back as it is. A service that does not answer gives 503 naming it.
 */
@Controller('api')
@UseGuards(SessionGuard)
export class ApiProxyController {
  constructor(@Inject(GatewayEnv) private readonly env: GatewayEnv) {}

  @All(':service/*path')
  forward(@Param('service') service: string, @Req() req: SessionRequest, @Res() res: Response): void {
    if (!isService(service)) throw new NotFoundException(`No service named ${service}`);
    const prefix = `/api/${service}`;
    const target = new URL(req.originalUrl.slice(prefix.length), serviceUrl(this.env, service));
    const headers: IncomingHttpHeaders = { authorization: `Bearer ${req.session.accessToken}` };
    for (const name of FORWARDED_REQUEST) if (req.headers[name] !== undefined) headers[name] = req.headers[name];
    // One entry, the browser's address as far as the trusted proxies tell it: a browser's own
    // X-Forwarded-For never reaches a service.
    headers['x-forwarded-for'] = req.ip ?? req.socket.remoteAddress;

    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(target, { method: req.method, headers }, (reply) => {
      res.status(reply.statusCode ?? 502);
      for (const [name, value] of Object.entries(reply.headers)) {
        if (value !== undefined && !DROPPED_RESPONSE.has(name)) res.setHeader(name, value);
      }
      reply.pipe(res);
    });
    upstream.on('error', () => {
      if (res.headersSent) return void res.destroy();
      res
        .status(503)
        .set('Retry-After', String(RETRY_AFTER_SECONDS))
        .type(PROBLEM_CONTENT_TYPE)
        .json({
          type: 'urn:admissions:problem:service-unavailable',
          title: 'Service Unavailable',
          status: 503,
          detail: `The ${service} service does not answer; the rest of the portal keeps working`,
          instance: req.originalUrl,
          service,
        });
    });
    req.pipe(upstream);
  }
}
