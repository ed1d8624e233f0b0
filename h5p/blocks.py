"""The H5P block in a module.

It holds one package per language: the Ukrainian module plays `content_uk`, the Russian
one `content_ru`. wagtail-localize copies the block (and its id) into the translation
unchanged, so both language versions of a module name the same pair and the same
activity; trainers never need to re-pick the package in the translation editor."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .chooser import h5p_chooser_viewset

H5PContentChooserBlock = h5p_chooser_viewset.get_block_class(
    name="H5PContentChooserBlock", module_path="h5p.blocks"
)


class H5PBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    content_uk = H5PContentChooserBlock(label=_("Package in Ukrainian"))
    content_ru = H5PContentChooserBlock(label=_("Package in Russian"))
    required = blocks.BooleanBlock(label=_("Required to complete the module"), required=False, default=True)

    class Meta:
        icon = "media"
        label = _("Interactive activity (H5P)")
        template = "blocks/h5p.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        for language in ("uk", "ru"):
            content = value.get(f"content_{language}")
            if content is not None and content.language != language:
                errors[f"content_{language}"] = ValidationError(
                    _("This package is in another language. Choose the package in this language.")
                )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


def content_for_language(value, language_code):
    return value.get(f"content_{language_code}")
