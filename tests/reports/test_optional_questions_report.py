"""The report leaves out a question that no organisation in it asks, and says whose
answers a breakdown covers when only some organisations ask it."""

import pytest
from django.utils import translation

from accounts.services import organisation_questions_set
from reports.data import NOT_ASKED, ReportData
from reports.scope import ReportFilterForm, ReportScope
from reports.training_report import training_report
from tests.factories import UserFactory
from tests.reports.test_filtered_disclosure import person


@pytest.fixture(autouse=True)
def in_ukrainian():
    with translation.override("uk"):
        yield


def report(population, asking):
    return ReportData(
        ReportScope(course=None), [], population, {}, {}, {}, {}, population=population, asking=asking
    )


def titles(sections):
    return [section.title for section in sections]


def test_a_question_no_organisation_asks_has_no_breakdown(organisation):
    population = [person(n, NOT_ASKED, organisation_id=organisation.pk) for n in range(12)]
    asking = {"gender": set(), "age_band": {organisation.pk}, "work_setting": {organisation.pk}}

    shown = titles(training_report(report(population, asking)))

    assert "Гендер" not in " ".join(shown)
    assert "Вікова група" in shown and "Місце роботи" in shown


def test_a_breakdown_some_organisations_ask_says_so_and_counts_only_their_trainees(
    organisation, other_organisation
):
    asking_people = [person(n, "woman", organisation_id=organisation.pk) for n in range(8)]
    others = [person(100 + n, NOT_ASKED, organisation_id=other_organisation.pk) for n in range(7)]
    for someone in others:
        someone.organisation = "Інша"
    asking = {"gender": {organisation.pk}, "age_band": {1, 2}, "work_setting": {1, 2}}

    sections = {s.title: s for s in training_report(report(asking_people + others, asking))}

    title = "Гендер (лише організації, які про це питають: Салюс)"
    assert title in sections
    rows = {row[0]: row[1] for row in sections[title].rows}
    assert rows == {"Жінка": 8}  # the other organisation's 7 are in no row, not "not stated"


def test_the_filters_leave_out_a_question_the_organisation_does_not_ask(organisation, coordinator):
    organisation_questions_set(organisation=organisation, asked={"age_band"})

    form = ReportFilterForm({"gender": "woman"}, user=coordinator)

    assert form.is_valid()
    assert "gender" not in form.fields and "work_setting" not in form.fields and "age_band" in form.fields
    assert "gender" not in form.cleaned_data


def test_an_admin_still_has_a_filter_some_organisation_asks(organisation, other_organisation):
    organisation_questions_set(organisation=organisation, asked=set())
    admin = UserFactory(nickname="root", is_superuser=True, is_staff=True)

    assert "gender" in ReportFilterForm(user=admin).fields
