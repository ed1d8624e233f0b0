from django.urls import path

from . import views
from .guards import open_activity

app_name = "h5p"

urlpatterns = [
    path("<int:page_id>/<str:block_id>/statements/", open_activity(views.statement), name="statement"),
    path("<int:page_id>/<str:block_id>/state/", open_activity(views.state), name="state"),
]
