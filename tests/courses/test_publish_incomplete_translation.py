"""Publishing a translation with untranslated segments from wagtail-localize's editor asks
first, listing them; publishing then is a deliberate choice. "Sync translated pages" with
"Publish immediately" publishes only complete translations, and only for who may publish."""

from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from accounts.models import User
from courses.models import ModulePage
from courses.translation_publish import CONFIRM
from elearn.demo.courses import resync_translations, translate_strings

NEW_TEXT = "Тест на гепатит С — безоплатний у центрі СНІДу."


def test_publishing_an_incomplete_translation_lists_what_is_missing_and_needs_a_choice(client, demo):
    source = ModulePage.objects.get(locale__language_code="uk", slug="hiv")
    source.body.append(("text", f"<p>{NEW_TEXT}</p>"))
    source.save_revision().publish()
    resync_translations(source)
    russian = source.get_translation(Locale.objects.get(language_code="ru"))
    revisions = russian.revisions.count()
    client.force_login(User.objects.get(nickname="admin"))
    edit = f"/admin/pages/{russian.pk}/edit/"

    asked = client.post(edit, {"action": "publish"})

    assert asked.status_code == 200
    assert NEW_TEXT in asked.content.decode()
    assert russian.revisions.count() == revisions  # nothing published yet

    chosen = client.post(edit, {"action": "publish", CONFIRM: "yes"})

    assert chosen.status_code == 302  # wagtail-localize publishes and goes back to the editor


def test_a_complete_translation_publishes_without_asking(client, demo):
    russian = ModulePage.objects.get(locale__language_code="ru", slug="sti")
    client.force_login(User.objects.get(nickname="admin"))

    response = client.post(f"/admin/pages/{russian.pk}/edit/", {"action": "publish"})

    assert response.status_code == 302


# "Sync translated pages" with "Publish immediately"

RUSSIAN_TEXT = "Тест на гепатит С бесплатный в центре СПИДа."


def changed_source():
    """The Ukrainian HIV module, published with a new paragraph; and its Russian translation."""
    source = ModulePage.objects.get(locale__language_code="uk", slug="hiv")
    source.body.append(("text", f"<p>{NEW_TEXT}</p>"))
    source.save_revision().publish()
    return source, source.get_translation(Locale.objects.get(language_code="ru"))


def sync_and_publish(client, source, commit_callbacks):
    translation_source = TranslationSource.objects.get(object_id=source.translation_key, locale=source.locale)
    url = reverse("wagtail_localize:update_translations", args=[translation_source.pk])
    # The form says what "Publish immediately" does here.
    assert "залишиться чернеткою" in client.get(url).content.decode()
    with commit_callbacks(execute=True):  # wagtail-localize publishes when the sync commits
        response = client.post(url, {"publish_translations": "on"}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_sync_with_publish_keeps_an_incomplete_translation_a_draft_and_says_why(
    client, demo, django_capture_on_commit_callbacks
):
    source, russian = changed_source()
    client.force_login(User.objects.get(nickname="admin"))

    html = sync_and_publish(client, source, django_capture_on_commit_callbacks)

    russian = ModulePage.objects.get(pk=russian.pk)
    assert russian.live and NEW_TEXT not in str(russian.body)  # readers still see the old page
    assert NEW_TEXT in str(russian.get_latest_revision_as_object().body)  # the sync is a draft
    assert "1 переклад залишився чернеткою: частину його текстів ще не перекладено" in html
    assert russian.title in html


def test_sync_with_publish_publishes_a_complete_translation(client, demo, django_capture_on_commit_callbacks):
    source, russian = changed_source()
    translate_strings(source, {"ru": {NEW_TEXT: RUSSIAN_TEXT}})
    client.force_login(User.objects.get(nickname="admin"))

    html = sync_and_publish(client, source, django_capture_on_commit_callbacks)

    russian = ModulePage.objects.get(pk=russian.pk)
    assert RUSSIAN_TEXT in str(russian.body) and not russian.has_unpublished_changes
    assert "чернетк" not in html


def test_sync_with_publish_by_a_trainer_who_may_not_publish_keeps_a_draft(
    client, demo, django_capture_on_commit_callbacks
):
    source, russian = changed_source()
    translate_strings(source, {"ru": {NEW_TEXT: RUSSIAN_TEXT}})
    client.force_login(User.objects.get(nickname="trainer-lviv"))

    html = sync_and_publish(client, source, django_capture_on_commit_callbacks)

    russian = ModulePage.objects.get(pk=russian.pk)
    assert RUSSIAN_TEXT not in str(russian.body)
    assert RUSSIAN_TEXT in str(russian.get_latest_revision_as_object().body)
    assert "залишився чернеткою, бо ви не можете його опублікувати" in html
