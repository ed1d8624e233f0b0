from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from common import page_cache

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


def _page_targets(page, request) -> dict:
    """Where each language's link leads from this page, and whether it is the same page."""
    page_urls = _page_urls_by_language(page, request)
    targets = {}
    for code, _name in settings.LANGUAGES:
        if code in page_urls:
            targets[code] = (page_urls[code], True)
        else:
            targets[code] = (_nearest_translation_url(page, code, request), False)
    return targets


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language, leading to this page's translation.

    Wagtail pages link to their live translation (or the nearest translated ancestor when
    there is none); other views link to the same URL under the other language prefix. `exists`
    says whether the link is the same content, which is what hreflang may announce."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    if isinstance(page, Page) and page.pk and not getattr(request, "is_preview", False):
        # The same for every visitor until content changes (common/page_cache.py).
        targets = page_cache.get_or_build(
            lambda: _page_targets(page, request), "language-links", request.get_host(), page.pk
        )
    elif isinstance(page, Page):
        targets = _page_targets(page, request)
    else:
        path = request.get_full_path()
        targets = {code: (translate_url(path, code), True) for code, _ in settings.LANGUAGES}
    links = []
    for code, name in settings.LANGUAGES:
        url, exists = targets[code]
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


@register.tag
def shared(parser, token):
    """{% shared "name" %}…{% endshared %}: a part of a Wagtail page that is the same for
    everyone who sees that page in this language (signed in or not), kept rendered under
    the content version (common/page_cache.py). Nothing personal may go inside: no user,
    no CSRF token, no messages. Other views, and previews, render it every time."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('Use {% shared "name" %}…{% endshared %}')
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(bits[1][1:-1], nodelist)


class SharedNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        request, page = context.get("request"), context.get("page")
        if not _serving_page(request, page):
            return self.nodelist.render(context)
        user = context.get("user")
        signed_in = bool(user is not None and user.is_authenticated)  # offline.js is told
        return page_cache.get_or_build(
            lambda: self.nodelist.render(context),
            "shared",
            self.name,
            request.get_host(),
            request.path,
            get_language(),
            page.pk,
            settings.DISCREET_MODE,
            signed_in,
        )


def _serving_page(request, page) -> bool:
    """Whether this request is Wagtail serving `page` itself (not a preview, nor another
    view that names a page, such as a test opened from a module)."""
    if request is None or not isinstance(page, Page) or not page.pk or getattr(request, "is_preview", False):
        return False
    route = getattr(request, "_wagtail_route_for_request", None)
    return route is not None and route[0].pk == page.pk
