from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

register = template.Library()


def _page_urls_by_language(page, request):
    """Live translations of `page`, by language code."""
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    return {p.locale.language_code: p.get_url(request) for p in translations}


def _nearest_translation_url(page, language_code, request):
    """Where an untranslated page's switcher leads: the closest ancestor that is live in
    that language (a module's course, else the home page)."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is not None:
        for ancestor in reversed(page.get_ancestors().filter(depth__gt=1)):
            translation = ancestor.get_translation_or_none(locale)
            if translation is not None and translation.live:
                return translation.get_url(request)
    return f"/{language_code}/"


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language, leading to this page's translation.

    Wagtail pages link to their live translation (or the nearest translated ancestor when
    there is none); other views link to the same URL under the other language prefix. `exists`
    says whether the link is the same content, which is what hreflang may announce."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    page_urls = _page_urls_by_language(page, request) if isinstance(page, Page) else None
    links = []
    for code, name in settings.LANGUAGES:
        if page_urls is None:
            url, exists = translate_url(request.get_full_path(), code), True
        elif code in page_urls:
            url, exists = page_urls[code], True
        else:
            url, exists = _nearest_translation_url(page, code, request), False
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "is_current": code == current,
                "exists": exists,
            }
        )
    return links
