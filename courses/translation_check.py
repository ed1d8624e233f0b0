"""Is a translated page really in its language?

wagtail-localize publishes a translation even when some of its segments are not translated:
it falls back to the source text, so a Russian page can show a Ukrainian sentence. Two
checks catch that: the segments wagtail-localize knows are untranslated, and letters that
belong only to another language of the same script (a sentence left in Ukrainian in a
Russian page, or the other way round). Quotations are left out of the letter check: a
quoted phrase may rightly be in another language."""

import re

from django.db.models import Exists, OuterRef
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from common.languages import own_letters

QUOTATION = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]")


def letters_of_other_languages(text: str, language: str) -> set[str]:
    """Letters in `text`, outside quotations, that only another language uses
    (settings.LANGUAGE_OWN_LETTERS; a language not listed there is not checked)."""
    letters = own_letters()
    if language not in letters:
        return set()
    foreign = "".join(theirs for other, theirs in letters.items() if other != language)
    unquoted = QUOTATION.sub(" ", text).lower()
    return {letter for letter in unquoted if letter in foreign}


def untranslated_segments(translation: Translation) -> list[str]:
    """Source texts of the segments `translation` has no translation for, in page order."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
        has_error=False,
    )
    segments = (
        StringSegment.objects.filter(source_id=translation.source_id)
        # The slug is part of the address, not text anyone reads: it may stay as it is.
        .exclude(context__path="slug")
        .annotate(is_translated=Exists(translated))
        .filter(is_translated=False)
        .select_related("string")
        .order_by("order")
    )
    return [segment.string.data for segment in segments]
