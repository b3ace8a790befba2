# One image recipe for the five services, chosen at build time:
#   docker build --build-arg SERVICE=jury --build-arg PORT=3003 -t admissions/jury .
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
ENV NODE_ENV=production SERVICE=${SERVICE} PORT=${PORT}
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /repo/dist ./dist
# Without AUTH_JWKS_URL (docker-compose on a workstation) the dev key pair lives here; a named
# volume mounted on it starts out owned by node, so all five services share one pair.
RUN mkdir -p .local/dev-jwt && chown -R node:node .local
USER node
EXPOSE ${PORT}
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
