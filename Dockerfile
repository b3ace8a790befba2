# One image recipe for the five services and the portal's gateway, chosen at build time:
#   docker build --build-arg SERVICE=jury --build-arg PORT=3003 --build-arg VERSION=0.1.0 \
#     --build-arg REVISION="$(git rev-parse HEAD)" --build-arg SOURCE=<repository URL> -t admissions/jury .
# SERVICE=gateway (PORT 3000) is the portal: `npm run build` also writes the web app (apps/web) to
# dist/web, which the gateway serves from its working directory (WEB_DIST_DIR, /app/dist/web here).
# `npm ci`: the lock lists every platform's optional binaries, so the image gets exactly the lock.
FROM node:24-slim AS build
WORKDIR /repo
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build

FROM node:24-slim AS runtime
ARG SERVICE
ARG PORT=3000
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG SOURCE=unknown
LABEL org.opencontainers.image.title="admissions-${SERVICE}" \
      org.opencontainers.image.description="Admissions platform: the ${SERVICE} service" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
ENV NODE_ENV=production SERVICE=${SERVICE} PORT=${PORT}
# A numeric user of our own: Kubernetes checks runAsNonRoot against the image's USER, which it can
# only do for a number; the Helm chart's runAsUser is the same (infra/helm/admissions/values.yaml).
RUN groupadd --gid 10001 admissions && \
    useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin admissions
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# The code stays owned by root: the service can read it, not change it.
COPY --from=build /repo/dist ./dist
# Without AUTH_JWKS_URL (docker-compose on a workstation) the dev key pair lives here; a named
# volume mounted on it starts out owned by the service's user, so the five services and the
# gateway's development identity provider share one pair.
RUN mkdir -p .local/dev-jwt && chown -R 10001:10001 .local
USER 10001:10001
EXPOSE ${PORT}
# No HEALTHCHECK: Kubernetes probes /health/live and /health/ready (the chart), docker-compose
# waits on the servers only.
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
