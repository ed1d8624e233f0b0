"""A translation sent for review from wagtail-localize's editor: a draft that waits for a
coordinator, the live page untouched (courses/translation_review.py)."""

from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from tests.courses.test_authoring import translated_module, with_roles

SUBMIT = {"action": "submit-for-review"}
NEW_SUMMARY = "Что такое ДКП и кому она подходит"


def russian(course):
    module = course[1][0].get_translation(Locale.objects.get(language_code="ru"))
    translation = Translation.objects.get(
        source__object_id=module.translation_key, target_locale=module.locale
    )
    return module, translation


def translate(translation, path, text):
    segment = translation.source.stringsegment_set.get(context__path=path)
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={"data": text, "translation_type": "manual"},
    )


def submit(client, page, callbacks, **extra):
    with callbacks(execute=True):  # the search index and notifications follow the commit
        return client.post(f"/admin/pages/{page.pk}/edit/", {**SUBMIT, **extra}, follow=True)


def test_submitted_translation_waits_for_review_and_the_live_page_is_unchanged(
    client, trainer, course, django_capture_on_commit_callbacks
):
    with_roles(course)
    module, translation = russian(course)
    live_summary = module.summary
    translate(translation, "summary", NEW_SUMMARY)
    client.force_login(trainer)

    response = submit(client, module, django_capture_on_commit_callbacks)

    assert "Переклад збережено й надіслано на перевірку" in response.content.decode()
    assert "координаторка або координатор вашої організації" in response.content.decode()
    state = WorkflowState.objects.get(object_id=str(module.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == trainer
    module.refresh_from_db()
    assert module.summary == live_summary  # readers see the approved text until approval
    assert module.get_latest_revision_as_object().summary == NEW_SUMMARY
    assert module.get_latest_revision().user == trainer


def test_a_translation_under_review_cannot_be_submitted_again_by_its_translator(
    client, trainer, course, django_capture_on_commit_callbacks
):
    with_roles(course)
    module, translation = russian(course)
    client.force_login(trainer)
    submit(client, module, django_capture_on_commit_callbacks)
    revisions = module.revisions.count()

    response = submit(client, module, django_capture_on_commit_callbacks)

    assert "Цей переклад уже чекає на перевірку" in response.content.decode()
    assert module.revisions.count() == revisions
    assert WorkflowState.objects.filter(object_id=str(module.pk)).count() == 1


def test_an_incomplete_translation_is_submitted_only_on_purpose(
    client, trainer, course, django_capture_on_commit_callbacks
):
    with_roles(course)
    page, _ = translated_module(course, trainer)  # only its title is translated
    client.force_login(trainer)

    asked = client.post(f"/admin/pages/{page.pk}/edit/", SUBMIT)

    assert "Надіслати на перевірку неповний переклад?" in asked.content.decode()
    assert "Період вікна" in asked.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()

    submit(client, page, django_capture_on_commit_callbacks, **{"publish-untranslated": "yes"})

    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_IN_PROGRESS


def test_who_may_not_edit_the_page_cannot_submit_it(client, other_organisation, course):
    from accounts.models import TRAINERS_GROUP
    from tests.factories import UserFactory

    module, _ = russian(course)  # no page permissions given: may not edit
    stranger = UserFactory(nickname="stranger", organisation=other_organisation, role=TRAINERS_GROUP)
    client.force_login(stranger)

    response = client.post(f"/admin/pages/{module.pk}/edit/", SUBMIT)

    assert response.status_code in (302, 403)
    assert not WorkflowState.objects.filter(object_id=str(module.pk)).exists()


def test_after_a_request_for_changes_the_trainer_submits_again(
    client, trainer, coordinator, course, django_capture_on_commit_callbacks
):
    with_roles(course)
    module, translation = russian(course)
    client.force_login(trainer)
    submit(client, module, django_capture_on_commit_callbacks)
    task_state = WorkflowState.objects.get(object_id=str(module.pk)).current_task_state
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/pages/workflow/action/{module.pk}/reject/{task_state.pk}/", {"comment": "Уточніть опис"}
        )
    assert WorkflowState.objects.get(object_id=str(module.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES

    translate(translation, "summary", NEW_SUMMARY)
    client.force_login(trainer)
    submit(client, module, django_capture_on_commit_callbacks)

    state = WorkflowState.objects.get(object_id=str(module.pk))  # the same review, resumed
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision.as_object().summary == NEW_SUMMARY
