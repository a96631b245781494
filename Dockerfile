# syntax=docker/dockerfile:1
# Quartiersportal Krefeld as a container: build the static site, serve it with an unprivileged nginx
# and the security headers the build generated (src/lib/security-headers.ts → dist/_nginx/default.conf).
#
#   docker build --build-arg SITE_URL=https://quartiere.krefeld.de -t quartiersportal .
#   docker run --rm -p 8080:8080 --read-only --tmpfs /tmp quartiersportal
#
# Content lives in the image: every content commit means a new image (see .github/workflows/deploy.yml).

# --- 1. build ------------------------------------------------------------------------------------
# glibc (not Alpine): pagefind, sharp and resvg ship prebuilt glibc binaries through npm.
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV ASTRO_TELEMETRY_DISABLED=1 \
    CI=true
# Dependencies first, so a content-only change reuses this layer.
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
# The public address (canonical URLs, feeds, QR codes) and the map's tile server are fixed at build time.
ARG SITE_URL=https://quartiere.krefeld.example
ARG PUBLIC_KARTE_TILES=
ENV SITE_URL=${SITE_URL} \
    PUBLIC_KARTE_TILES=${PUBLIC_KARTE_TILES}
# /site = dist/ without the files meant for other hosts (_headers, _redirects, _nginx/).
RUN npm run build \
 && npm run check:links \
 && mkdir /site \
 && cp -a dist/. /site/ \
 && rm -rf /site/_nginx /site/_headers /site/_redirects

# --- 2. serve --------------------------------------------------------------------------------------
# Runs as user nginx (uid 101), listens on 8080, pid and temp files in /tmp: works with --read-only.
FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY --from=build /app/dist/_nginx/default.conf /etc/nginx/conf.d/default.conf
COPY --from=build /site /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1
