from functools import cache

from django import template
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache as shared_cache
from django.urls import reverse

from h5p.assets import PLAYER_FILES, kilobytes, package_download_bytes
from h5p.blocks import content_for_language
from h5p.completion import ANSWERED
from h5p.player import object_iri, play_token
from h5p.selectors import completed_block_ids, saved_state
from h5p.wire import TEXT_EXTENSIONS, brotli, compress
from h5p.xapi import actor_mail

register = template.Library()


def _static_bytes(name) -> bytes:
    found = finders.find(name)  # development and tests: the source folders
    if found:
        with open(found, "rb") as handle:
            return handle.read()
    if staticfiles_storage.exists(name):  # collected
        with staticfiles_storage.open(name) as handle:
            return handle.read()
    return b""


@cache
def player_bytes() -> int:
    """The player's files as whitenoise sends them: compressed text, fonts as they are."""
    total = 0
    for name in PLAYER_FILES:
        data = _static_bytes(name)
        sizes = [len(data)]
        if name.rsplit(".", 1)[-1] in TEXT_EXTENSIONS:
            sizes += [
                len(compress(data, encoding)) for encoding in ("gzip", "br") if encoding == "gzip" or brotli
            ]
        total += min(sizes)
    return total


def download_kilobytes(content) -> int:
    """What opening the activity fetches, in whole KB (shown as "about N KB")."""
    key = f"h5p-download:{content.pk}"
    size = shared_cache.get(key)
    if size is None:
        size = package_download_bytes(content) + player_bytes()
        shared_cache.set(key, size, 3600)
    return kilobytes(size)


@register.simple_tag(takes_context=True)
def h5p_activity(context, value, block_id=None):
    """Everything the H5P block's template needs for this trainee and language; None
    outside a module page (an activity needs its page, its block id and a request)."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None or not block_id:
        return None
    user = request.user
    content = content_for_language(value, page.locale.language_code)
    if content is None:
        return None
    activity = {
        "content": content,
        "download_kb": download_kilobytes(content),
        "play_url": reverse("h5p_play", args=[play_token(content, page.pk)]),
        "completion": value.get("completion") or ANSWERED,
        "object_iri": object_iri(content),
        "completed": False,
    }
    # A module still being added (the page editor's preview) has no id to record results
    # under yet: it plays the activity as it would for a visitor.
    if user.is_authenticated and page.pk is not None:
        activity.update(
            statement_url=reverse("h5p:statement", args=[page.pk, block_id]),
            state_url=reverse("h5p:state", args=[page.pk, block_id]),
            actor=actor_mail(user),
            state=_saved_state(context, user, content),
            completed=block_id in _completed(context, user, page),
        )
    return activity


# A module page reads every activity's progress at once (context "h5p_progress",
# courses/models.py); a block rendered on its own reads its own.
def _saved_state(context, user, content) -> str:
    progress = context.get("h5p_progress")
    if progress is not None:
        return progress["states"].get(content.pk, "")
    return saved_state(user=user, content=content) or ""


def _completed(context, user, page) -> set:
    progress = context.get("h5p_progress")
    if progress is not None:
        return progress["completed"]
    return completed_block_ids(user=user, module_key=page.translation_key)
