from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("modules/<int:page_id>/finish/", views.module_finish, name="module_finish"),
]
