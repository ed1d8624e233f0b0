"""Completion is a recorded fact, in the training report too: trainees who completed the
course stay counted as completed in the period after a trainer publishes a new module, while
a trainee still in progress needs that module. Everything happens through the learning
pipeline, as trainees' requests do it."""

from django.utils import timezone

from courses.models import CourseCompletion
from reports.data import report_data
from reports.indicators import counts
from reports.scope import ReportScope
from tests.certificates.conftest import finish_modules, take_final
from tests.certificates.test_pipeline import publish_late_module
from tests.factories import TraineeFactory


def completed_and_certified_today(page) -> tuple[int, int]:
    """The report's counts for a period of today, before disclosure control hides small ones."""
    today = timezone.localdate()
    totals = counts(report_data(ReportScope(course=page, since=today, until=today)).trainees)
    return totals.completed, totals.certified


def test_completions_stay_in_the_report_when_a_module_is_published_and_the_new_one_is_needed(
    group, final_course
):
    page, modules, final = final_course
    finished = [TraineeFactory(training_group=group, organisation=group.organisation) for _ in range(2)]
    for trainee in finished:
        finish_modules(trainee, modules)
        take_final(trainee, final)
    in_progress = TraineeFactory(training_group=group, organisation=group.organisation)
    finish_modules(in_progress, modules[:-1])
    assert completed_and_certified_today(page) == (2, 2)

    late = publish_late_module(page)  # a fourth module, published as the editor's "Publish" does

    assert len(report_data(ReportScope(course=page)).modules) == 4  # the report knows the new one
    assert completed_and_certified_today(page) == (2, 2)
    # The one in progress finishes what they had and passes the final test: not complete yet.
    finish_modules(in_progress, modules[-1:])
    take_final(in_progress, final)
    assert not CourseCompletion.objects.filter(user=in_progress).exists()
    assert completed_and_certified_today(page) == (2, 2)

    finish_modules(in_progress, [late])

    assert completed_and_certified_today(page) == (3, 3)
