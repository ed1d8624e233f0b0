"""Publishing a translation whose segments are not all translated needs an explicit choice.

wagtail-localize publishes such a translation with the source text in place of what is
missing, so a Russian page would show Ukrainian. Its editor's "Publish" is answered here
first: when segments are missing, the trainer sees them listed and chooses to go back and
translate them or to publish anyway (courses/translation_check.py finds them)."""

from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail_localize.models import Translation

from .translation_check import untranslated_segments

CONFIRM = "publish-untranslated"


@hooks.register("before_edit_page", order=-1)  # before wagtail-localize's editor takes the request
def incomplete_translations_are_published_only_on_purpose(request, page):
    if request.method != "POST" or request.POST.get("action") != "publish" or request.POST.get(CONFIRM):
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source__locale")
        .first()
    )
    missing = untranslated_segments(translation) if translation else []
    if not missing:
        return None
    context = {
        "page": page,
        "missing": missing,
        "confirm": CONFIRM,
        "source_language": translation.source.locale.language_code,
    }
    return TemplateResponse(request, "courses/admin/publish_incomplete_translation.html", context)
