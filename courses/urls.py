from functools import wraps

from django.urls import path

from common.content_access import refusal

from . import views
from .access import RULE

app_name = "courses"


def open_module(view):
    """A module of a course the user may not take cannot be finished either."""

    @wraps(view)
    def guarded(request, page_id):
        if not RULE.may_open_page(request.user, page_id):
            return refusal(request)
        return view(request, page_id)

    return guarded


urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("start/", views.start, name="start"),
    path("modules/<int:page_id>/finish/", open_module(views.module_finish), name="module_finish"),
    path("country/", views.reader_country, name="reader_country"),
]
