# syntax=docker/dockerfile:1
# Multi-stage build of the standalone server. Not exercised by `npm test` (no Docker engine runs
# on the machines that test this project); the test suite runs the same standalone server directly.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Canonical URLs, Open Graph and the sitemap of prerendered pages are written at build time.
ARG SITE_URL=http://localhost:3000
ENV SITE_URL=${SITE_URL}
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 SHUTDOWN_TIMEOUT=10
RUN groupadd --system --gid 1001 kb && useradd --system --uid 1001 --gid kb kb
COPY --from=build --chown=kb:kb /app/.next/standalone ./
# The embedded feedback database (used when DATABASE_URL is not set) lives here.
RUN mkdir -p /app/data && chown kb:kb /app/data
VOLUME /app/data
USER kb
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# front.mjs starts the Next.js server (server.js) on a private port and serves PORT through its page cache.
# It is PID 1 and handles SIGTERM itself: requests in flight finish (SHUTDOWN_TIMEOUT), then Next.js
# stops; give `docker stop` a longer grace period than that (docker-compose.yml: stop_grace_period).
STOPSIGNAL SIGTERM
CMD ["node", "front.mjs"]
