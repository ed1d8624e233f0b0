from django.urls import path

from . import views
from .guards import open_attempt, open_quiz

app_name = "quizzes"

urlpatterns = [
    path("<int:quiz_id>/", open_quiz(views.quiz_detail), name="detail"),
    path("<int:quiz_id>/start/", open_quiz(views.quiz_start), name="start"),
    path("attempts/<uuid:token>/", open_attempt(views.attempt_take), name="take"),
    path(
        "attempts/<uuid:token>/feedback/<int:question_id>/",
        open_attempt(views.attempt_feedback),
        name="feedback",
    ),
    path("attempts/<uuid:token>/result/", open_attempt(views.attempt_result), name="result"),
]
