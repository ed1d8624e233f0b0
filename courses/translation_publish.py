"""Publishing a translation whose segments are not all translated needs an explicit choice.

wagtail-localize publishes such a translation with the source text in place of what is
missing, so a Russian page would show Ukrainian. Its editor's "Publish" is answered here
first: when segments are missing, the trainer sees them listed and chooses to go back and
translate them or to publish anyway (courses/translation_check.py finds them). Submitting
it for review asks the same: the coordinator's approval publishes it as it is."""

from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail_localize.models import Translation

from .translation_check import untranslated_segments
from .translation_review import SUBMIT

CONFIRM = "publish-untranslated"


# Before wagtail-localize's editor takes the request, and before translation_review submits it.
@hooks.register("before_edit_page", order=-2)
def incomplete_translations_are_published_only_on_purpose(request, page):
    action = request.POST.get("action")
    if request.method != "POST" or action not in ("publish", SUBMIT) or request.POST.get(CONFIRM):
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
        "action": action,
        "submitting": action == SUBMIT,
        "source_language": translation.source.locale.language_code,
    }
    return TemplateResponse(request, "courses/admin/publish_incomplete_translation.html", context)
