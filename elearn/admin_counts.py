"""How many items an admin listing holds, said in the trainer's language.

Wagtail's paginator writes the count and the model's plural name side by side
("7 тести", "5 сторінки", "4 інтерактивна вправа"); Ukrainian and Russian need a
different noun form after 1, after 2-4 and after 5-20, so each model we list gets its
own ngettext phrase. A model without one is shown as "Тести: 7", which reads right
with any number. Installed on Wagtail's paginator from ElearnConfig.ready()."""

from django.utils.translation import gettext, ngettext
from wagtail.admin.paginator import WagtailPaginator

# One phrase per model a trainer or coordinator sees listed (app_label.model_name).
PHRASES = {
    "wagtailcore.page": lambda n: ngettext("%(count)s page", "%(count)s pages", n),
    "wagtailimages.image": lambda n: ngettext("%(count)s image", "%(count)s images", n),
    "wagtaildocs.document": lambda n: ngettext("%(count)s document", "%(count)s documents", n),
    "quizzes.quiz": lambda n: ngettext("%(count)s test", "%(count)s tests", n),
    "quizzes.question": lambda n: ngettext("%(count)s question", "%(count)s questions", n),
    "quizzes.attemptgrant": lambda n: ngettext("%(count)s extra attempt", "%(count)s extra attempts", n),
    "h5p.h5pcontent": lambda n: ngettext(
        "%(count)s interactive exercise", "%(count)s interactive exercises", n
    ),
    "h5p.h5plibrary": lambda n: ngettext("%(count)s H5P library", "%(count)s H5P libraries", n),
    "certificates.certificate": lambda n: ngettext("%(count)s certificate", "%(count)s certificates", n),
    "accounts.user": lambda n: ngettext("%(count)s user", "%(count)s users", n),
    "accounts.organisation": lambda n: ngettext("%(count)s organisation", "%(count)s organisations", n),
    "accounts.traininggroup": lambda n: ngettext("%(count)s training group", "%(count)s training groups", n),
    "wagtail_localize.translation": lambda n: ngettext("%(count)s translation", "%(count)s translations", n),
    "wagtailcore.modellogentry": lambda n: ngettext(
        "%(count)s history entry", "%(count)s history entries", n
    ),
    "wagtailcore.pagelogentry": lambda n: ngettext("%(count)s history entry", "%(count)s history entries", n),
}


def count_label(model, count: int) -> str:
    """'7 тестів' for a model we know, 'Назва: 7' for any other (or no model at all)."""
    phrase = PHRASES.get(model._meta.label_lower) if model is not None else None
    if phrase is None and model is not None:
        # Page subclasses (courses, modules) are counted as pages.
        labels = [base._meta.label_lower for base in model.__mro__[1:] if hasattr(base, "_meta")]
        phrase = next((PHRASES[label] for label in labels if label in PHRASES), None)
    if phrase is not None:
        return phrase(count) % {"count": count}
    name = model._meta.verbose_name_plural if model is not None else gettext("Items")
    return gettext("%(name)s: %(count)s") % {"name": str(name).capitalize(), "count": count}


def install():
    """Wagtail's listings read paginator.items_count_label; say it with count_label."""
    WagtailPaginator.items_count_label = property(lambda self: count_label(self.model, self.count))
