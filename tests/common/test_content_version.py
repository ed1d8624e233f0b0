"""The content version changes again when a change is committed: until then another
process still reads the old rows and may keep them under the new version."""

import pytest

from common import page_cache

pytestmark = pytest.mark.django_db


def test_what_another_process_kept_before_the_commit_is_not_used_after_it(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        page_cache.content_changed()
        # Another process, reading before the commit, keeps the old course limits.
        page_cache.put("limits read before the commit", "course-limits")
        assert page_cache.get("course-limits") == "limits read before the commit"
    assert page_cache.get("course-limits") is None


def test_a_change_outside_a_transaction_takes_effect_at_once():
    page_cache.put("old", "course-limits")
    page_cache.content_changed()
    assert page_cache.get("course-limits") is None
