"""The words the admin search finds a course or module page by.

Wagtail indexes a page's own row, which holds the live version: a trainer's draft (a
translation sent for review, an edit not yet approved) would not be found by its new words.
The pages index `search_text`: the words of the live version and of the latest draft, title,
summary and content. Saving a revision saves the page row, and that re-indexes it.
Wagtail's admin page search matches autocomplete fields, so the text is indexed as one too.
The database backend folds case for Cyrillic as for Latin (SQLite FTS5 "unicode61";
PostgreSQL with the "simple" configuration, settings.WAGTAILSEARCH_BACKENDS)."""

from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

SEARCHED_FIELDS = ("title", "summary", "objectives", "body")


def _words(page) -> list[str]:
    texts = []
    for name in SEARCHED_FIELDS:
        if not hasattr(page, name):
            continue
        value = getattr(page, name)
        field = page._meta.get_field(name)
        if isinstance(field, StreamField):
            texts.extend(field.get_searchable_content(value))
        elif isinstance(field, RichTextField):
            texts.append(strip_tags(value or ""))
        elif value:
            texts.append(str(value))
    return texts


class DraftSearchable:
    """Mixed into page models whose drafts the admin search should find."""

    def search_text(self) -> str:
        texts = _words(self)
        if self.has_unpublished_changes and self.latest_revision_id:
            draft = self.get_latest_revision_as_object()
            texts.extend(text for text in _words(draft) if text not in texts)
        return "\n".join(texts)


DRAFT_SEARCH_FIELDS = [index.SearchField("search_text"), index.AutocompleteField("search_text")]
