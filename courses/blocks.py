"""What a module is made of. Templates live in elearn/templates/blocks/.

No block takes raw HTML or a third-party embed: media are uploaded files, served by the
site itself, and never play by themselves."""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from h5p.blocks import H5PBlock

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


HEAVY_MEDIA_BLOCKS = {"audio", "video"}


def media_bytes(body) -> int:
    """Bytes of audio and video in a module body: what pressing play will download."""
    total = 0
    for block in body:
        if block.block_type in HEAVY_MEDIA_BLOCKS:
            total += block.value["file"].get_file_size() or 0
    return total
