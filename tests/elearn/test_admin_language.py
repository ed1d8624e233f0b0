"""English that Wagtail writes into its code or data, said in the trainer's language:
the root page's title, the header's screen-reader label, the translations report's
filters, the test form's shared tab, our menu item that Wagtail's "Reports" shadowed."""

import pytest
from wagtail.models import Page
from wagtail.users.models import UserProfile

from tests.builders import build_quiz

EXPECTED = {
    "uk": ["Дії", "Мова оригіналу", "Мова перекладу"],
    "ru": ["Действия", "Язык оригинала", "Язык перевода"],
}


def in_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_the_root_page_is_called_by_the_sites_name_not_root(db):
    assert Page.objects.get(depth=1).title == "Conecta eLearn"


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_the_admin_says_in_the_users_language_what_wagtail_hard_codes(client, coordinator, language):
    in_language(coordinator, language)
    client.force_login(coordinator)

    page = client.get("/admin/localize/reports/translations/").content.decode()

    assert 'aria-label="Actions"' not in page and "Source locale" not in page and "Target locale" not in page
    for words in EXPECTED[language]:
        assert words in page
    statistics = "Статистика навчання" if language == "uk" else "Статистика обучения"
    assert f"<title>{statistics}" in client.get("/admin/reports/").content.decode()


@pytest.mark.parametrize(
    ("language", "tab"), [("uk", "Спільне для всіх мов"), ("ru", "Общее для всех языков")]
)
def test_the_test_forms_shared_settings_tab(client, trainer, language, tab):
    in_language(trainer, language)
    client.force_login(trainer)
    quiz = build_quiz()

    page = client.get(f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/").content.decode()

    assert tab in page and "Untranslated data" not in page
