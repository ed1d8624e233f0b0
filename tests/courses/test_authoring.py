"""Trainers write, coordinators review, wagtail-localize translates."""

from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from courses.models import ModulePage
from elearn.demo.courses import load_workflow_and_permissions

BLOCK_ID = "0b7e1d3c-9a52-4f0e-8d44-5b7c2f6a1e90"


def with_roles(course):
    index = Page.objects.get(pk=course[0].get_parent().pk)
    load_workflow_and_permissions([index, index.get_translation(Locale.objects.get(language_code="ru"))])


def edit_form(module, **changes):
    data = nested_form_data(
        {
            "title": module.title,
            "slug": module.slug,
            "summary": module.summary,
            "estimated_minutes": module.estimated_minutes,
            "body": streamfield([("text", rich_text("<p>Оновлений текст.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    data.update(changes)
    return data


def submit_for_review(client, module, commit_callbacks):
    with commit_callbacks(execute=True):  # Wagtail starts the workflow when the edit commits
        return client.post(
            f"/admin/pages/{module.pk}/edit/",
            edit_form(module, title="Новий заголовок", **{"action-submit": "1"}),
        )


def test_trainer_edits_a_module_and_submits_it_for_review(
    client, trainer, course, django_capture_on_commit_callbacks
):
    with_roles(course)
    module = course[1][0]
    client.force_login(trainer)
    assert client.get(f"/admin/pages/{module.pk}/edit/").status_code == 200

    response = submit_for_review(client, module, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    module.refresh_from_db()
    assert module.title == "Модуль 1"  # the live page waits for the coordinator
    state = WorkflowState.objects.get(object_id=str(module.pk))
    assert state.status == "in_progress"
    assert state.workflow.name == "Перевірка перед публікацією"


def test_coordinator_approves_and_the_change_goes_live(
    client, trainer, coordinator, course, django_capture_on_commit_callbacks
):
    with_roles(course)
    module = course[1][0]
    client.force_login(trainer)
    submit_for_review(client, module, django_capture_on_commit_callbacks)
    task_state = WorkflowState.objects.get(object_id=str(module.pk)).current_task_state
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{module.pk}/approve/{task_state.pk}/", {"comment": ""}
        )

    assert response.status_code in (200, 302)
    module.refresh_from_db()
    assert module.title == "Новий заголовок" and module.live


def test_trainee_cannot_reach_the_page_editor(client, trainee, course):
    client.force_login(trainee)

    response = client.get(f"/admin/pages/{course[1][0].pk}/edit/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_localize_round_trip_with_sync_after_the_source_changes(course, admin_user):
    """Translate a new module side by side, change the source, sync, and see what changed."""
    course_page = course[0]
    ru = Locale.objects.get(language_code="ru")
    module = ModulePage(
        title="Вікно",
        slug="window",
        summary="Період вікна",
        estimated_minutes=5,
        body=[{"type": "text", "value": "<p>Повторіть тест пізніше.</p>", "id": BLOCK_ID}],
    )
    course_page.add_child(instance=module)
    module.save_revision().publish()

    TranslationCreator(admin_user, [ru]).create_translations(module)
    translation = Translation.objects.get(source__object_id=module.translation_key, target_locale=ru)

    def translate(source_text, target_text):
        segment = translation.source.stringsegment_set.get(string__data=source_text)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=ru, context=segment.context, defaults={"data": target_text}
        )

    for source_text, target_text in [
        ("Вікно", "Окно"),
        ("Період вікна", "Период окна"),
        ("Повторіть тест пізніше.", "Повторите тест позже."),
        ("window", "window"),
    ]:
        translate(source_text, target_text)
    translation.save_target(publish=False)
    russian = module.get_translation(ru)
    russian.get_latest_revision().publish()
    russian.refresh_from_db()
    assert russian.title == "Окно" and "Повторите тест позже." in str(russian.body[0].value)

    # The trainer changes the Ukrainian text; a sync shows the one changed segment.
    module.body = [{"type": "text", "value": "<p>Повторіть тест через місяць.</p>", "id": BLOCK_ID}]
    module.save_revision().publish()
    source = TranslationSource.objects.get(object_id=module.translation_key)
    source.update_from_db()
    progress = translation.get_progress()
    assert progress[0] - progress[1] == 1  # one segment waits for its translation
    translate("Повторіть тест через місяць.", "Повторите тест через месяц.")
    translation.save_target(publish=False)
    module.get_translation(ru).get_latest_revision().publish()
    russian.refresh_from_db()
    assert "Повторите тест через месяц." in str(russian.body[0].value)
    assert russian.translation_key == module.translation_key


def translated_module(course, user):
    """A published Ukrainian module submitted for a Russian translation, its title
    translated (as a trainer does in wagtail-localize's editor), nothing published."""
    ru = Locale.objects.get(language_code="ru")
    module = ModulePage(title="Вікно", slug="window", summary="Період вікна", estimated_minutes=5, body=[])
    course[0].add_child(instance=module)
    module.save_revision().publish()
    TranslationCreator(user, [ru]).create_translations(module)
    translation = Translation.objects.get(source__object_id=module.translation_key, target_locale=ru)
    segment = translation.source.stringsegment_set.get(string__data="Вікно")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=ru,
        context=segment.context,
        data="Окно",
        translation_type="manual",
    )
    return module.get_translation(ru), translation


def test_translations_waiting_for_publication_are_on_the_publishers_dashboard(
    client, trainer, coordinator, course
):
    with_roles(course)
    russian, translation = translated_module(course, trainer)
    edit_link = f'href="/admin/pages/{russian.pk}/edit/"'

    client.force_login(trainer)  # may translate, may not publish
    assert "Переклади, що чекають на публікацію" not in client.get("/admin/").content.decode()

    client.force_login(coordinator)
    dashboard = client.get("/admin/").content.decode()
    assert "Переклади, що чекають на публікацію" in dashboard and edit_link in dashboard

    translation.save_target(publish=False)  # the coordinator publishes it (see decisions.md
    russian.get_latest_revision().publish()  # on save_target(publish=True) in a test)
    assert edit_link not in client.get("/admin/").content.decode()
