import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("ru-RU,ru;q=0.9", "/ru/"), ("uk-UA,uk;q=0.9", "/uk/"), ("en-US,en;q=0.9", "/uk/"), (None, "/uk/")],
)
def test_root_redirects_by_accept_language(client, home_pages, accept_language, expected):
    headers = {"Accept-Language": accept_language} if accept_language else {}

    response = client.get("/", headers=headers)

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_home_page_is_in_its_language_with_lang_attribute(client, home_pages, lang):
    html = client.get(f"/{lang}/").content.decode()

    assert f'<html lang="{lang}">' in html
    assert home_pages[lang].title in html


def test_home_pages_are_linked_translations(home_pages):
    assert home_pages["uk"].translation_key == home_pages["ru"].translation_key
    assert home_pages["uk"].title != home_pages["ru"].title


def test_every_page_announces_its_translations_with_hreflang(client, home_pages):
    html = client.get("/uk/").content.decode()

    assert '<link rel="alternate" hreflang="uk" href="http://testserver/uk/">' in html
    assert '<link rel="alternate" hreflang="ru" href="http://testserver/ru/">' in html
    login = client.get("/ru/accounts/login/").content.decode()
    assert '<link rel="alternate" hreflang="uk" href="http://testserver/uk/accounts/login/">' in login


def language_link(html, lang):
    match = re.search(rf'<a href="([^"]+)" hreflang="{lang}"', html)
    return match.group(1) if match else None


def test_switcher_on_a_page_leads_to_its_translation(client, home_pages):
    assert language_link(client.get("/uk/").content.decode(), "ru") == "/ru/"
    assert language_link(client.get("/ru/").content.decode(), "uk") == "/uk/"


def test_switcher_on_a_form_keeps_the_same_form_and_query(client, db):
    html = client.get("/uk/accounts/login/?next=/uk/accounts/").content.decode()

    assert language_link(html, "ru") == "/ru/accounts/login/?next=/uk/accounts/"


def test_switcher_on_an_untranslated_page_leads_to_the_other_home(client, home_pages):
    from elearn.models import HomePage

    uk_home = home_pages["uk"]
    only_uk = uk_home.add_child(
        instance=HomePage(title="Лише українською", slug="only-uk", locale=uk_home.locale)
    )
    only_uk.save_revision().publish()

    html = client.get("/uk/only-uk/").content.decode()

    assert language_link(html, "ru") == "/ru/"
    assert 'hreflang="ru" href="http://testserver/ru/"' not in html  # not announced as a translation


@pytest.mark.parametrize(("lang", "title"), [("uk", "Сторінку не знайдено"), ("ru", "Страница не найдена")])
def test_unknown_url_gets_a_translated_404(client, home_pages, lang, title):
    response = client.get(f"/{lang}/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert title in html
    assert f'<html lang="{lang}">' in html


def test_unknown_admin_url_stays_a_404(client, admin_user):
    client.force_login(admin_user)

    assert client.get("/admin/no-such-thing/").status_code == 404


@pytest.mark.parametrize(("lang", "title"), [("uk", "Щось пішло не так"), ("ru", "Что-то пошло не так")])
def test_server_error_page_is_translated_and_plain(lang, title):
    with translation.override(lang):
        html = render_to_string("500.html")

    assert title in html
    assert "Traceback" not in html


def test_server_error_handler_shows_the_plain_page(client, db, settings):
    settings.ROOT_URLCONF = "tests.elearn.broken_urls"
    client.raise_request_exception = False

    response = client.get("/ru/broken/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Что-то пошло не так" in html
    assert "secret detail" not in html
