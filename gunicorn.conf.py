# gunicorn settings for production. The access log names paths and status codes, never
# who made the request (no user, no cookies).
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = 30
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(L)ss'
