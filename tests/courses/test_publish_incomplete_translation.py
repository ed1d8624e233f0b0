"""Publishing a translation with untranslated segments from wagtail-localize's editor asks
first, listing them; publishing then is a deliberate choice."""

from wagtail.models import Locale

from accounts.models import User
from courses.models import ModulePage
from courses.translation_publish import CONFIRM
from elearn.demo.courses import resync_translations

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
