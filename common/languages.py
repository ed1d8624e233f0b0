"""The site's languages, as configured in settings.LANGUAGES (default first: LANGUAGE_CODE).

Code asks here instead of naming a language, so that a third language is configuration
(LANGUAGES, WAGTAIL_CONTENT_LANGUAGES, PARLER_LANGUAGES) plus catalogs. Read on every call,
never cached: tests override the settings."""

from django.conf import settings
from django.utils.translation import get_language, get_language_info


def language_codes() -> list[str]:
    """The configured language codes, the default one first."""
    codes = [code for code, _name in settings.LANGUAGES]
    default = settings.LANGUAGE_CODE
    return [default, *[code for code in codes if code != default]] if default in codes else codes


def default_language() -> str:
    return language_codes()[0]


def is_configured(code) -> bool:
    return code in language_codes()


def current_language() -> str:
    """The active language when it is one of ours, else the default one."""
    code = get_language()
    return code if is_configured(code) else default_language()


def language_name(code) -> str:
    """The language's name in the active language ("українська" while Ukrainian is
    active), or as settings.LANGUAGES spells it for a code Django does not know."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return dict(settings.LANGUAGES).get(code, code)


def language_choices() -> list[tuple[str, str]]:
    """(code, name as configured) for each language: each name in its own language, as a
    language switch shows them."""
    names = dict(settings.LANGUAGES)
    return [(code, str(names[code])) for code in language_codes()]


def own_letters() -> dict[str, str]:
    """{code: letters only that language uses} for the configured languages listed in
    settings.LANGUAGE_OWN_LETTERS; a language not listed there is not letter-checked."""
    letters = getattr(settings, "LANGUAGE_OWN_LETTERS", {})
    return {code: letters[code] for code in language_codes() if code in letters}
