"""The site's URLs plus /bench/bare/: a plain Django view returning the bytes of a module
page that the benchmark saved, to measure what the page costs beyond Django itself."""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from elearn.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse(
        Path(os.environ["BENCH_BARE_BODY"]).read_bytes(), content_type="text/html; charset=utf-8"
    )


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
