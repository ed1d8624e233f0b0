from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("<int:quiz_id>/", views.quiz_detail, name="detail"),
    path("<int:quiz_id>/start/", views.quiz_start, name="start"),
    path("attempts/<uuid:token>/", views.attempt_take, name="take"),
    path("attempts/<uuid:token>/feedback/<int:question_id>/", views.attempt_feedback, name="feedback"),
    path("attempts/<uuid:token>/result/", views.attempt_result, name="result"),
]
