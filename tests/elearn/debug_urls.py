"""The site's URLconf as `runserver` builds it with DEBUG on (elearn/urls.py)."""

from elearn.urls import debug_media_urls
from elearn.urls import urlpatterns as site

urlpatterns = [*site, *debug_media_urls()]
