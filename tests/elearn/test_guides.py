"""Our own guides, in the admin's language, instead of Wagtail's English guide on another
host (elearn/guides.py)."""

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from common.languages import language_codes
from elearn.guides import GUIDES, GUIDES_DIR, render


@pytest.mark.parametrize("language", language_codes())
def test_every_guide_is_written_in_every_language(language):
    for slug, _audience in GUIDES:
        title, html = render((GUIDES_DIR / language / f"{slug}.md").read_text(encoding="utf-8"))
        assert title and "<li>" in html, slug


def test_a_guide_is_plain_text_with_lists_headings_and_button_words():
    title, html = render(
        "# Тема\n\nАбзац\nдалі.\n\n1. Натисніть **Зберегти**.\n2. <script>x</script>\n\n## Далі\n- один\n"
    )

    assert title == "Тема"
    assert html == (
        "<p>Абзац далі.</p>\n"
        "<ol><li>Натисніть <strong>Зберегти</strong>.</li><li>&lt;script&gt;x&lt;/script&gt;</li></ol>\n"
        "<h2>Далі</h2>\n"
        "<ul><li>один</li></ul>"
    )


@pytest.mark.parametrize(
    ("language", "heading", "title"),
    [
        ("uk", "Для тренерок і тренерів", "Як перекласти модуль і надіслати переклад на перевірку"),
        ("ru", "Для тренеров", "Как перевести модуль и отправить перевод на проверку"),
    ],
)
def test_staff_read_the_guides_in_their_language(client, trainer, language, heading, title):
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = language
    profile.save()
    client.force_login(trainer)

    listing = client.get("/admin/guides/").content.decode()
    guide = client.get("/admin/guides/translate-and-submit/").content.decode()

    assert heading in listing and title in listing
    assert title in guide and "<ol>" in guide


def test_the_help_menu_leads_to_our_guides_not_to_another_host(client, trainer):
    client.force_login(trainer)

    dashboard = client.get("/admin/").content.decode()

    assert "/admin/guides/" in dashboard
    assert "guide.wagtail.org" not in dashboard and "docs.wagtail.org" not in dashboard


def test_unknown_guides_are_not_found_and_guides_need_an_admin_sign_in(client, trainer, trainee):
    assert client.get("/admin/guides/").status_code == 302  # to the log-in page
    client.force_login(trainee)
    assert client.get("/admin/guides/").status_code in (302, 403)
    client.force_login(trainer)
    assert client.get("/admin/guides/../settings/").status_code == 404
    assert client.get("/admin/guides/no-such-guide/").status_code == 404
    with translation.override("uk"):
        assert client.get("/admin/guides/export-reports/").status_code == 200
