"""A course limited in one language only (until wagtail-localize syncs the field to its
translation) is closed in both: its pages are, and so must be what its modules hold in
either language — their tests and their documents. Found by an attacker: the test and a
recording used in both versions opened for another organisation's trainee, because the
open version's modules counted as "a course they may take"."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Locale

from courses.access import modules_open_to
from courses.models import ModulePage
from quizzes.models import Attempt
from tests.builders import build_quiz
from tests.factories import TraineeFactory, TrainingGroupFactory

pytestmark = pytest.mark.django_db


def in_language(page, lang):
    return page.get_translation(Locale.objects.get(language_code=lang))


def publish_in_every_language(module, block):
    for version in module.get_translations(inclusive=True):
        version.body.append(block)
        version.save_revision().publish()


@pytest.fixture
def limited_in_ukrainian_only(course, organisation):
    page, modules = course
    page.organisations.set([organisation])
    page.save_revision().publish()
    assert in_language(page, "ru").organisations.count() == 0  # not synced yet
    return page, modules


@pytest.fixture
def outsider(other_organisation):
    group = TrainingGroupFactory(organisation=other_organisation)
    return TraineeFactory(nickname="outsider", training_group=group)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_its_module_test_stays_closed_to_another_organisation(limited_in_ukrainian_only, outsider, lang):
    _page, modules = limited_in_ukrainian_only
    quiz = build_quiz()
    publish_in_every_language(modules[0], ("quiz", {"quiz": quiz, "required": True}))
    client = signed_in(outsider)

    assert client.get(f"/{lang}/tests/{quiz.pk}/").status_code == 404
    assert client.post(f"/{lang}/tests/{quiz.pk}/start/").status_code == 404
    assert not Attempt.objects.filter(user=outsider).exists()


def test_a_document_of_both_versions_stays_closed_to_another_organisation(
    limited_in_ukrainian_only, outsider, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    recording = Document(title="Розмова")
    recording.file.save("conversation.mp3", ContentFile(b"ID3 a recorded conversation"), save=True)
    _page, modules = limited_in_ukrainian_only
    audio = {"title": "Розмова", "file": recording, "transcript": "<p>Усе сказане.</p>"}
    publish_in_every_language(modules[0], ("audio", audio))

    assert signed_in(outsider).get(recording.url).status_code == 404


def test_none_of_its_modules_counts_as_open_in_either_language(limited_in_ukrainian_only, outsider):
    _page, modules = limited_in_ukrainian_only
    versions = [version.pk for module in modules for version in module.get_translations(inclusive=True)]

    assert not modules_open_to(outsider, ModulePage.objects.filter(pk__in=versions)).exists()
