import datetime
import uuid

import pytest
from django.utils import timezone

from accounts.models import Organisation
from certificates.models import Certificate
from courses.models import CourseCompletion, ModuleProgress
from quizzes.models import Attempt
from tests.builders import build_quiz
from tests.factories import TraineeFactory, TrainingGroupFactory

DAY = datetime.date(2026, 10, 1)  # the period is October 2026


def at(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def report_course(course):
    page, modules = course
    pre, final = build_quiz(kind="pre_test", pass_mark=0), build_quiz(kind="final", pass_mark=75)
    for translation in page.get_translations(inclusive=True):
        translation.pre_test, translation.final_test = pre, final
        translation.save_revision().publish()
    page.refresh_from_db()
    return page, modules, pre, final


class Story:
    """Writes one trainee's history with exact dates, as the report reads it."""

    def __init__(self, course):
        self.page, self.modules, self.pre, self.final = course

    def trainee(self, group, **profile):
        return TraineeFactory(training_group=group, organisation=group.organisation, **profile)

    def opened(self, user, module, day, completed=None):
        ModuleProgress.objects.create(
            user=user,
            module_key=module.translation_key,
            first_opened_at=at(day),
            last_opened_at=at(day),
            completed_at=at(completed) if completed else None,
        )

    def completed(self, user, day):
        """What the learning pipeline records when the last module is done."""
        CourseCompletion.objects.create(user=user, course_key=self.page.translation_key, completed_at=at(day))

    def attempt(self, user, quiz, day, percent, language="uk"):
        Attempt.objects.create(
            user=user,
            quiz=quiz,
            token=uuid.uuid4(),
            language=language,
            finished_at=at(day),
            score=percent,
            max_score=100,
            percent=percent,
            passed=percent >= quiz.pass_mark,
        )

    def certificate(self, user, day, code, status="valid"):
        Certificate.objects.create(
            user=user,
            course_key=self.page.translation_key,
            organisation_id=user.organisation_id,
            training_group_id=user.training_group_id,
            issued_at=at(day),
            final_score=80,
            language="uk",
            code=code,
            status=status,
        )

    def finished(self, user, day, pre, post, code=None):
        """Opened and completed every module on `day`, took both tests, maybe certified."""
        for module in self.modules:
            self.opened(user, module, day, completed=day)
        self.completed(user, day)
        self.attempt(user, self.pre, day, pre)
        self.attempt(user, self.final, day, post)
        if code:
            self.certificate(user, day, code)


@pytest.fixture
def story(report_course):
    return Story(report_course)


@pytest.fixture
def second_group(organisation):
    return TrainingGroupFactory(organisation=organisation, name="Друга група")


@pytest.fixture
def other_org_group(other_organisation):
    return TrainingGroupFactory(organisation=other_organisation, name="Чужа група")


def organisation_of(group) -> Organisation:
    return group.organisation
