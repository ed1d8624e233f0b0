"""Publishing a translation whose segments are not all translated needs an explicit choice.

wagtail-localize publishes such a translation with the source text in place of what is
missing, so a Russian page would show Ukrainian. Its editor's "Publish" is answered here
first: when segments are missing, the trainer sees them listed and chooses to go back and
translate them or to publish anyway (courses/translation_check.py finds them). Submitting
it for review asks the same: the coordinator's approval publishes it as it is.

"Sync translated pages" with "Publish immediately" would publish every translation of the
page at once, in the source language wherever the change brought new text, and publishes
even for a user who may not publish the page. Its view is served here instead
(admin_urls.py, at wagtail-localize's address): it syncs as wagtail-localize does, then
publishes only the translations that are complete and that the user may publish; the
others become drafts, and the message names them and says why."""

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .translation_check import untranslated_segments
from .translation_review import SUBMIT, save_draft

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


class SyncPublishesOnlyCompleteTranslations(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages": with "Publish immediately", a translation
    with untranslated texts, or of a page the user may not publish, is saved as a draft
    (the live page untouched) instead of published."""

    def get_form(self):
        form = super().get_form()
        form.fields["publish_translations"].help_text = gettext_lazy(
            "Apply the updates and publish the translations that are complete. A translation "
            "with texts not translated yet stays a draft, and so does one you may not publish."
        )
        return form

    @transaction.atomic
    def form_valid(self, form):
        publish = form.cleaned_data["publish_translations"]
        if not publish or not isinstance(self.object.get_source_instance(), Page):
            return super().form_valid(form)
        # wagtail-localize syncs (and machine-translates, if asked) without publishing;
        # then each translation is published, or kept as a draft, here.
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        user = self.request.user
        incomplete, not_allowed = [], []
        translations = self.object.translations.filter(enabled=True).select_related("target_locale")
        for translation in translations:
            target = translation.get_target_instance()
            if untranslated_segments(translation):
                kept = incomplete
            elif not target.permissions_for_user(user).can_publish():
                kept = not_allowed
            else:
                with contextlib.suppress(ValidationError):  # as wagtail-localize: its editor shows them
                    translation.save_target(user=user, publish=True)
                continue
            save_draft(translation, user)
            kept.append(
                f"{target.get_admin_display_title()} ({translation.target_locale.get_display_name()})"
            )
        if incomplete:
            messages.warning(self.request, self.incomplete_message(incomplete))
        if not_allowed:
            messages.warning(self.request, self.not_allowed_message(not_allowed))
        return response

    @staticmethod
    def incomplete_message(pages):
        return ngettext(
            "%(count)s translation stayed a draft: some of its texts are not translated yet "
            "(%(pages)s). Translate them in the translation editor, then publish.",
            "%(count)s translations stayed drafts: some of their texts are not translated yet "
            "(%(pages)s). Translate them in the translation editor, then publish.",
            len(pages),
        ) % {"count": len(pages), "pages": "; ".join(pages)}

    @staticmethod
    def not_allowed_message(pages):
        return ngettext(
            "%(count)s translation stayed a draft because you may not publish it (%(pages)s). "
            "Submit it for review from the translation editor.",
            "%(count)s translations stayed drafts because you may not publish them "
            "(%(pages)s). Submit them for review from the translation editor.",
            len(pages),
        ) % {"count": len(pages), "pages": "; ".join(pages)}
