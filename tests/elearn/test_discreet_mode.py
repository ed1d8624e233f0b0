"""Discreet mode is the default: the public home page says nothing about who learns here."""

import importlib

import pytest

import elearn.settings.base


def test_discreet_mode_is_on_unless_a_deployment_turns_it_off(monkeypatch):
    monkeypatch.delenv("DISCREET_MODE", raising=False)
    try:
        assert importlib.reload(elearn.settings.base).DISCREET_MODE is True
        monkeypatch.setenv("DISCREET_MODE", "false")
        assert importlib.reload(elearn.settings.base).DISCREET_MODE is False
    finally:
        monkeypatch.undo()
        importlib.reload(elearn.settings.base)


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_the_public_home_page_says_nothing_about_who_learns_here(client, course, settings, lang):
    settings.DISCREET_MODE = True
    course_page = course[0].get_translation(course[0].locale.__class__.objects.get(language_code=lang))
    home = course_page.get_parent().get_parent()

    html = client.get(f"/{lang}/").content.decode()

    assert "Conecta" not in html
    for revealing in ("секс", "ВІЛ", "ВИЧ", home.title, course_page.title):
        assert revealing not in html
    assert f'href="/{lang}/accounts/login/"' in html


def test_a_signed_in_trainee_sees_the_courses(client, course, trainee, settings):
    settings.DISCREET_MODE = True
    client.force_login(trainee)

    assert course[0].title in client.get("/uk/").content.decode()
