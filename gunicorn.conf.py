"""gunicorn settings for the portal's app servers (``gunicorn -c gunicorn.conf.py``).

Every value that differs between servers comes from the environment: the address
(``GUNICORN_BIND``, default 127.0.0.1:8000, behind the reverse proxy) and the number
of worker processes (``WEB_CONCURRENCY``, default two per CPU core plus one, at most
12). The portal writes its own request log, one JSON line per request without secret
tokens (portal/request_log.py), so gunicorn's access log, which would show the raw
path of every secret link, stays off; gunicorn's own messages go to stderr.
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(
    os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 12))
)
worker_class = "sync"

# A request that takes longer than this is killed and answered 502 by the proxy;
# uploads of five attachments of 5 MB stay well inside it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On restart or stop, running requests get this long to finish.
graceful_timeout = 30
keepalive = 5

# Each worker is replaced after about a thousand requests, at staggered moments, so
# a slow leak never grows and the workers never restart all at once.
max_requests = 1000
max_requests_jitter = 100

accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# X-Forwarded-* headers are trusted from the local reverse proxy only
# (FORWARDED_ALLOW_IPS widens it, e.g. for a load balancer on another host).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No runtime control socket (gunicornc): systemd or the container runtime manages the
# process, and two servers of one user would share its default path.
control_socket_disable = True
