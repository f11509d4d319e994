# briefbot: one image for every mode (console, Slack, Discord); configuration comes from the environment.
# BASE_IMAGE: a Python 3.11 Debian image; a local stand-in when no registry is reachable
# (tools/local-base-image.sh builds one with debootstrap).
ARG BASE_IMAGE=python:3.11-slim

# --- build: dependencies from the pinned lock, then the package itself, into a virtualenv ---------
FROM ${BASE_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/briefbot
WORKDIR /src
COPY requirements.lock ./
RUN /opt/briefbot/bin/pip install --no-deps --requirement requirements.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY briefings ./briefings
COPY config ./config
RUN /opt/briefbot/bin/pip install --no-deps .

# --- run: the virtualenv only, no build tools, a non-root user ------------------------------------
FROM ${BASE_IMAGE}
RUN useradd --create-home --uid 10001 --user-group briefbot \
    && mkdir -p /home/briefbot/data \
    && chown briefbot:briefbot /home/briefbot/data
COPY --from=build /opt/briefbot /opt/briefbot
ENV PATH=/opt/briefbot/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    BRIEFBOT_DATABASE_URL=sqlite+aiosqlite:////home/briefbot/data/briefbot.db \
    BRIEFBOT_HTTP_HOST=0.0.0.0 \
    BRIEFBOT_HTTP_PORT=3000
WORKDIR /home/briefbot
USER 10001
VOLUME ["/home/briefbot/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; port = os.environ.get('BRIEFBOT_HTTP_PORT', '3000'); sys.exit(0 if urllib.request.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=4).status == 200 else 1)"]
ENTRYPOINT ["briefbot"]
CMD ["run"]
