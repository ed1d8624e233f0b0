"""A URLconf with one view that always fails, to see the 500 page."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path


def broken(request):
    raise RuntimeError("secret detail")


urlpatterns = i18n_patterns(path("broken/", broken))
