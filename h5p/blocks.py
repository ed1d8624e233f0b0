"""The H5P block in a module.

It holds a list of packages, at most one per configured language; each package's own
`language` says which language version of the module plays it. wagtail-localize copies the
block (its id and its list) into every translation unchanged, so all language versions of
a module name the same packages and the same activity; trainers never re-pick a package in
the translation editor, and a new language needs only a package added to the list."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from common.languages import is_configured, language_name

from .chooser import h5p_chooser_viewset
from .completion import ANSWERED, BUTTON, PASSED, VIEWED

H5PContentChooserBlock = h5p_chooser_viewset.get_block_class(
    name="H5PContentChooserBlock", module_path="h5p.blocks"
)


NOT_OFFERED = _(
    "This package is in a language the site does not offer (%(language)s). "
    "Choose a package in one of the site's languages."
)
TWICE = _("Another package here is already in this language (%(language)s). Keep one package per language.")


class H5PBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    packages = blocks.ListBlock(
        H5PContentChooserBlock(label=_("Package")),
        min_num=1,
        label=_("Packages"),
        help_text=_(
            "One package per language: each language version of the module plays the package in its language."
        ),
    )
    required = blocks.BooleanBlock(label=_("Required to complete the module"), required=False, default=True)
    # Which statements complete the activity (h5p/completion.py). A StreamField value:
    # blocks saved before it existed read the default.
    completion = blocks.ChoiceBlock(
        choices=[
            (ANSWERED, _("When answered")),
            (PASSED, _("When passed")),
            (BUTTON, _("When the trainee presses “I have finished”")),
            (VIEWED, _("When every part has been viewed")),
        ],
        default=ANSWERED,
        label=_("The activity is done"),
        help_text=_(
            "For activities with a score. An activity without a score (such as an accordion or "
            "dialog cards) is done when it reports so, or when the trainee presses “I have finished”."
        ),
        # VIEWED: accordion panels or dialog cards, each opened once; h5p/completion.py.
    )

    class Meta:
        icon = "media"
        label = _("Interactive activity (H5P)")
        template = "blocks/h5p.html"

    def clean(self, value):
        value = super().clean(value)
        errors = package_errors(value["packages"])
        if errors:
            packages = ListBlockValidationError(block_errors=errors)
            raise StructBlockValidationError(block_errors={"packages": packages})
        return value


def package_errors(packages) -> dict[int, ValidationError]:
    """Position -> what is wrong with the package there: a language the site does not
    offer, or a language an earlier package already plays."""
    errors, seen = {}, set()
    for index, content in enumerate(packages):
        if content is None:
            continue
        name = language_name(content.language)
        if not is_configured(content.language):
            errors[index] = ValidationError(NOT_OFFERED % {"language": name})
        elif content.language in seen:
            errors[index] = ValidationError(TWICE % {"language": name})
        seen.add(content.language)
    return errors


def content_for_language(value, language_code):
    """The package the language version in `language_code` plays; None when the block has
    none in that language, or when its library code still waits for an administrator
    (h5p/libraries.py): trainees see no activity, and it does not hold up the module."""
    for content in value.get("packages") or []:
        if content is not None and content.language == language_code:
            return None if content.awaiting_approval else content
    return None
