"""gunicorn's settings for Verkko, read from the working directory (`make serve`, the systemd unit).

Environment: PORT (8000), BIND (127.0.0.1:$PORT), WEB_CONCURRENCY (workers, 3), GUNICORN_TIMEOUT (60 s).
"""

import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# A PDF report takes a worker a second or two; nothing takes a minute.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Workers are replaced now and then, so that no slow growth of memory adds up.
max_requests = 2000
max_requests_jitter = 200
# Access log lines on standard output, with the request id the response carries (X-Request-ID).
accesslog = "-"
access_log_format = (
    'remote=%(h)s method=%(m)s path="%(U)s" status=%(s)s bytes=%(B)s ms=%(M)s request_id=%({x-request-id}o)s'
)
errorlog = "-"
# Behind a proxy on the same host: trust its X-Forwarded-* headers only from there.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
