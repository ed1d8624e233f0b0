"""A trainer sends a translation for review from wagtail-localize's translation editor.

The editor offers only "Publish" (which trainers may not do) and, as its main button for
them, "Delete". Here its main button becomes "Save and submit for review": the translated
texts are saved as a draft of the page and the page's review workflow starts, as Wagtail's
own page editor does on "Submit for moderation". Coordinators then see it in "Awaiting your
review" on their dashboard. The button and the sentence that says who reviews come from
elearn/static/js/translation-review.js; the editor itself is not changed."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.locks import WorkflowLock
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation

SUBMIT = "submit-for-review"


def editor_translation(page):
    """The wagtail-localize translation `page` is the target of, if its editor serves it."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def save_draft(translation, user):
    """A new revision of the translated page with the current translations, the live page
    untouched. (wagtail-localize's save_target(publish=False) also writes them into the live
    page's row, so the site would show them before anyone approved.)"""
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    if not draft.live:
        draft.save()  # a page never published keeps its draft in its row, as in Wagtail's editor
    return draft.save_revision(user=user, log_action=True)


@hooks.register("before_edit_page", order=-1)  # before wagtail-localize's editor takes the request
def submit_translation_for_review(request, page):
    # Wagtail's edit view has checked that the user may edit this page before any hook runs.
    if request.method != "POST" or request.POST.get("action") != SUBMIT:
        return None
    translation = editor_translation(page)
    if translation is None:
        return None
    lock = page.get_lock()
    if lock is not None and lock.for_user(request.user):
        if isinstance(lock, WorkflowLock):  # under review: locked for all but its reviewers
            message = gettext(
                "This translation is already waiting for review. You can change it again after "
                "the coordinator's decision."
            )
        else:  # locked by someone, or scheduled: Wagtail says which
            message = lock.get_message(request.user)
        messages.error(request, message)
        return redirect(request.path)

    workflow = page.get_workflow()
    with transaction.atomic():
        save_draft(translation, request.user)
        state = page.current_workflow_state
        if workflow is None:
            submitted = False
        elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(request.user)
            submitted = True
        elif state is None:
            workflow.start(page, request.user)
            submitted = True
        else:
            submitted = True  # a reviewer's own change to a page under review: the review goes on

    if submitted:
        messages.success(
            request,
            gettext(
                "The translation is saved and submitted for review. A coordinator of your "
                "organisation will review it; it goes live only after approval."
            ),
        )
    else:
        messages.warning(
            request,
            gettext(
                "The translation is saved as a draft. This page has no review set up: ask a "
                "coordinator of your organisation to publish it."
            ),
        )
    return redirect(request.path)


@hooks.register("insert_editor_js")
def translation_review_button():
    words = {
        "action": SUBMIT,
        "submit": gettext("Save and submit for review"),
        "note": gettext(
            "When you have translated the texts, press “Save and submit for review”. A "
            "coordinator of your organisation reviews the translation; it goes live on the "
            "site only after approval."
        ),
    }
    return json_script(words, "translation-review-words") + format_html(
        '<script src="{}" defer></script>', static("js/translation-review.js")
    )
