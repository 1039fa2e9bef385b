# The portal's image: one image for the app servers, the task worker and the release
# steps; each runs a deploy/bin script, the same ones systemd and CI's smoke test run.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    GUNICORN_BIND=0.0.0.0:8000

# pg_dump/pg_restore for deploy/bin/backup and deploy/bin/restore.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --system --create-home --home-dir /srv/portal --shell /usr/sbin/nologin portal
WORKDIR /srv/portal

# The virtualenv lives where the deploy/bin scripts expect it: .venv in the checkout.
COPY requirements.txt ./
RUN python -m venv .venv && .venv/bin/pip install --no-cache-dir -r requirements.txt

COPY . .
# Static files are part of the image; collectstatic needs no database, only a key.
RUN SECRET_KEY=collectstatic-at-build-time deploy/bin/collectstatic \
    && mkdir -p media private_media \
    && chown -R portal:portal media private_media

USER portal
EXPOSE 8000
CMD ["deploy/bin/web"]
