import os
from functools import cache

from django import template
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import reverse

from h5p.blocks import content_for_language
from h5p.player import play_token
from h5p.selectors import completed_block_ids, saved_state
from h5p.xapi import actor_mail

register = template.Library()

# What opening an activity downloads besides the package itself.
PLAYER_FILES = (
    "h5p-standalone/main.bundle.js",
    "h5p-standalone/frame.bundle.js",
    "h5p-standalone/styles/h5p.css",
    "h5p/player.js",
    "h5p/player.css",
)


def _static_size(name) -> int:
    found = finders.find(name)  # development and tests: the source folders
    if found:
        return os.path.getsize(found)
    return staticfiles_storage.size(name) if staticfiles_storage.exists(name) else 0  # collected


@cache
def player_bytes() -> int:
    return sum(_static_size(name) for name in PLAYER_FILES)


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
        "download_bytes": content.size_bytes + player_bytes(),
        "play_url": reverse("h5p_play", args=[play_token(content, page.pk)]),
        "completed": False,
    }
    # A module still being added (the page editor's preview) has no id to record results
    # under yet: it plays the activity as it would for a visitor.
    if user.is_authenticated and page.pk is not None:
        activity.update(
            statement_url=reverse("h5p:statement", args=[page.pk, block_id]),
            state_url=reverse("h5p:state", args=[page.pk, block_id]),
            actor=actor_mail(user),
            state=saved_state(user=user, content=content) or "",
            completed=block_id in completed_block_ids(user=user, module_key=page.translation_key),
        )
    return activity
