# briefbot: one image for every mode (console, Slack, Discord); configuration comes from the environment.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY briefings ./briefings
COPY config ./config
RUN pip install --no-cache-dir --prefix=/install .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 briefbot
COPY --from=build /install /usr/local
WORKDIR /home/briefbot
USER briefbot
ENV BRIEFBOT_DATABASE_URL=sqlite+aiosqlite:////home/briefbot/data/briefbot.db \
    PYTHONUNBUFFERED=1
VOLUME ["/home/briefbot/data"]
CMD ["briefbot", "run"]
