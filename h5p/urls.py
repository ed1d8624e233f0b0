from django.urls import path

from . import views

app_name = "h5p"

urlpatterns = [
    path("<int:page_id>/<str:block_id>/statements/", views.statement, name="statement"),
    path("<int:page_id>/<str:block_id>/state/", views.state, name="state"),
]
