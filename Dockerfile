# Conecta eLearn image. Its steps mirror the Makefile's (`make install`, compilemessages,
# collectstatic, gunicorn): no Docker engine runs on the project's machines, so this file
# is kept in step by hand; see README "Docker".

# 1. npm packages (h5p-standalone, served as static files by whitenoise).
FROM node:20.19.5-bookworm-slim AS npm
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# 2. Python dependencies, catalogs and static files.
FROM python:3.11.14-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /venv
COPY requirements.txt /tmp/requirements.txt
RUN /venv/bin/pip install -r /tmp/requirements.txt
WORKDIR /app
COPY . .
COPY --from=npm /app/node_modules ./node_modules
ENV DJANGO_SETTINGS_MODULE=elearn.settings.production
RUN SECRET_KEY=build-only /venv/bin/python manage.py compilemessages --ignore=node_modules \
    && SECRET_KEY=build-only /venv/bin/python manage.py collectstatic --noinput

# 3. The runtime: no compilers, no gettext, a user without privileges. (Certificates are
# drawn by reportlab with a font from PyPI: no system fonts or pango needed.)
FROM python:3.11.14-slim-bookworm
RUN useradd --create-home --uid 10001 elearn
COPY --from=build /venv /venv
COPY --from=build --chown=elearn:elearn /app /app
WORKDIR /app
USER elearn
ENV PATH=/venv/bin:$PATH DJANGO_SETTINGS_MODULE=elearn.settings.production PYTHONUNBUFFERED=1
EXPOSE 8000
# /healthz is exempt from the HTTPS redirect; the Host header must be an allowed host.
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD python -c "import os, urllib.request as r; host = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0]; r.urlopen(r.Request('http://127.0.0.1:8000/healthz', headers={'Host': host}), timeout=4)"
# The web server. The same image runs the daily clean-up as a second command, from cron, a
# systemd timer or the platform's scheduled jobs (docs/deploy.md, "Housekeeping"):
#   docker run --rm --env-file .env <image> python manage.py housekeeping
CMD ["gunicorn", "elearn.wsgi", "-c", "gunicorn.conf.py"]
