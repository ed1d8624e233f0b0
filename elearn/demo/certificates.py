"""The demo trainee finishes the demo course: every module's test passed (after the first
failed try the quizzes demo made), the H5P activity answered, the final test passed; the
certificate is issued the way a real trainee earns it, through the same services and the
learning pipeline."""

import json
import uuid

from django.utils import translation
from wagtail.models import Locale

from accounts.models import User
from certificates.models import Certificate
from courses.models import CoursePage, ModulePage
from courses.services import module_open
from elearn.demo.quizzes import answer_quiz
from h5p.player import object_iri
from h5p.results import statement_record
from h5p.selectors import activity_for
from h5p.xapi import actor_mail
from quizzes.models import Quiz


def _answer_h5p(trainee, module):
    for block in module.body:
        if block.block_type == "h5p":
            activity = activity_for(page_id=module.pk, block_id=block.id)
            statement = {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"conecta-demo/{trainee.pk}/{block.id}")),
                "actor": {"name": "learner", "mbox": f"mailto:{actor_mail(trainee)}", "objectType": "Agent"},
                "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
                "object": {"id": object_iri(activity.content), "objectType": "Activity"},
                "result": {"score": {"min": 0, "max": 1, "raw": 1}, "completion": True, "success": True},
            }
            statement_record(
                user=trainee, activity=activity, body=json.dumps({"statement": statement}).encode()
            )


def load(course: CoursePage) -> None:
    trainee = User.objects.filter(nickname="trainee-demo").first()
    if trainee is None or Certificate.objects.filter(user=trainee).exists():
        return
    uk = Locale.objects.get(language_code="uk")
    with translation.override("uk"):
        for module in ModulePage.objects.child_of(course).filter(locale=uk).order_by("path"):
            module_open(user=trainee, module=module)
            for quiz in Quiz.objects.filter(pk__in=module.required_quiz_ids()):
                answer_quiz(trainee, quiz, right=len(quiz.question_keys()), module=module)
            _answer_h5p(trainee, module)  # its test and its activity done: the module is complete
        final = CoursePage.objects.get(pk=course.pk).final_test
        # All but one right: passed, and the certificate is issued as for anyone.
        answer_quiz(trainee, final, right=len(final.question_keys()) - 1)
