"""What a module is made of. Templates live in elearn/templates/blocks/.

No block takes raw HTML or a third-party embed: media are uploaded files, served by the
site itself, and never play by themselves."""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from accounts.models import Country
from h5p.blocks import H5PBlock

from .local_help import LocalHelp
from .reader_country import reader_country, reader_organisation

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
SHORT_TEXT_FEATURES = ["bold", "italic", "ul", "link"]
AUDIO_EXTENSIONS = (".mp3", ".m4a", ".ogg", ".oga", ".opus")
VIDEO_EXTENSIONS = (".mp4", ".webm")


@deconstructible
class DocumentExtensionValidator:
    """Refuse a chosen document whose file name does not end with one of `extensions`."""

    def __init__(self, extensions, message):
        self.extensions, self.message = tuple(extensions), message

    def __call__(self, document):
        if document and not document.file.name.lower().endswith(self.extensions):
            raise ValidationError(self.message)

    def __eq__(self, other):
        return isinstance(other, DocumentExtensionValidator) and other.extensions == self.extensions


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class AudioBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    file = DocumentChooserBlock(
        label=_("Audio file"),
        validators=[DocumentExtensionValidator(AUDIO_EXTENSIONS, _("Choose an audio file (MP3, M4A, OGG)."))],
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=SHORT_TEXT_FEATURES,
        help_text=_("Everything said in the recording, for people who cannot listen."),
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "blocks/audio.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    file = DocumentChooserBlock(
        label=_("Video file"),
        validators=[DocumentExtensionValidator(VIDEO_EXTENSIONS, _("Choose a video file (MP4 or WebM)."))],
    )
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"),
        validators=[DocumentExtensionValidator((".vtt",), _("Captions must be a WebVTT (.vtt) file."))],
    )
    poster = ImageChooserBlock(label=_("Still image shown before playing"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"


class KeyFactBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=SHORT_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Key fact")
        template = "blocks/key_fact.html"


class MythFactBlock(blocks.StructBlock):
    myth = blocks.TextBlock(label=_("Myth"))
    fact = blocks.RichTextBlock(label=_("Fact"), features=SHORT_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Myth and fact")
        template = "blocks/myth_fact.html"


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=SHORT_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "blocks/question_answer.html"


class GlossaryTermBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Term"), max_length=100)
    definition = blocks.TextBlock(label=_("Plain explanation"))

    class Meta:
        icon = "openquote"
        label = _("Glossary term")
        template = "blocks/glossary_term.html"


class QuizBlock(blocks.StructBlock):
    """A test inside a module. The same test serves both languages: its texts are
    translated in the quiz bank, its answers are one key."""

    quiz = SnippetChooserBlock("quizzes.Quiz", label=_("Test"))
    required = blocks.BooleanBlock(label=_("Required to complete the module"), required=False, default=True)

    class Meta:
        icon = "tick-inverse"
        label = _("Test")
        template = "blocks/quiz.html"


class CountryVariantBlock(blocks.StructBlock):
    country = blocks.ChoiceBlock(label=_("Country"), choices=Country.choices)
    text = blocks.RichTextBlock(label=_("Text"), features=TEXT_FEATURES)
    checked_by = blocks.CharBlock(
        label=_("Checked by"),
        max_length=120,
        help_text=_("Who checked this text, e.g. the organisation's lawyer."),
    )
    checked_on = blocks.DateBlock(label=_("Checked on"))


class CountrySectionBlock(blocks.StructBlock):
    """Text that differs by country (law, police, rights): each reader sees the variant for
    their organisation's country (courses/reader_country.py), whatever the page language."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=150)
    variants = blocks.ListBlock(CountryVariantBlock(), min_num=1, label=_("One text per country"))

    class Meta:
        icon = "site"
        label = _("Text for the reader's country")
        template = "blocks/country_section.html"

    def clean(self, value):
        value = super().clean(value)
        countries = [variant["country"] for variant in value["variants"]]
        if len(countries) != len(set(countries)):
            raise StructBlockValidationError(
                block_errors={
                    "variants": ValidationError(_("Write one text per country: a country is here twice."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        country = reader_country(request)
        context["has_organisation"] = reader_organisation(request) is not None
        variants = list(value["variants"])
        context["variant"] = next((v for v in variants if v["country"] == country), None)
        context["country_name"] = Country(country).label if country else None
        names = {variant["country"] for variant in variants}
        context["countries"] = [(code, label) for code, label in Country.choices if code in names]
        return context


class LocalHelpBlock(blocks.StructBlock):
    """Where the reader's organisation's local help (courses/local_help.py) is shown."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=150)

    class Meta:
        icon = "help"
        label = _("Local help of the reader's organisation")
        template = "blocks/local_help.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        organisation = reader_organisation((parent_context or {}).get("request"))
        found = LocalHelp.objects.filter(organisation=organisation).first() if organisation else None
        context["signed_in_organisation"] = organisation
        context["local_help"] = found
        context["local_help_text"] = (
            found.safe_translation_getter("text", language_code=get_language()) if found else None
        )
        return context


class ModuleBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=TEXT_FEATURES, template="blocks/text.html")
    key_fact = KeyFactBlock()
    myth_fact = MythFactBlock()
    question_answer = QuestionAnswerBlock()
    glossary_term = GlossaryTermBlock()
    image = ImageBlock()
    audio = AudioBlock()
    video = VideoBlock()
    quiz = QuizBlock()
    h5p = H5PBlock()
    country_section = CountrySectionBlock()
    local_help = LocalHelpBlock()


HEAVY_MEDIA_BLOCKS = {"audio", "video"}


def media_bytes(body) -> int:
    """Bytes of audio and video in a module body: what pressing play will download."""
    total = 0
    for block in body:
        if block.block_type in HEAVY_MEDIA_BLOCKS:
            total += block.value["file"].get_file_size() or 0
    return total
