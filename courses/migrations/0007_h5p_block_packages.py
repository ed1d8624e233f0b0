"""The H5P block names no language: its fields `content_uk` and `content_ru` become
`packages`, a list in which each package plays the language it is in (H5PContent.language).

Converted wherever a module's body is kept: the page rows and every revision (Wagtail's
MigrateStreamData), and wagtail-localize's copy of each source module (TranslationSource),
from which translations are made, with the paths of its synchronised values. A list item's
id comes from the block's id and the old field, so every language version of a module and
every copy agree on it. Reversible: each package goes back to the field of its language."""

import json
import uuid

import wagtail.fields
from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation

import courses.blocks

OLD_PREFIX = "content_"  # the old fields were content_<language code>
# wagtail-localize's TranslationContext.path_id is uuid5(this, path)
LOCALIZE_PATH_NAMESPACE = uuid.UUID("fcab004a-2b50-11ea-978f-2e728ce88125")


def item_id(block_id, field) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"conecta/h5p-packages/{block_id}/{field}"))


def package_pk(item):
    return item["value"] if isinstance(item, dict) else item  # block format, or a bare list


def h5p_blocks(stream):
    return [c for c in stream if c.get("type") == "h5p" and isinstance(c.get("value"), dict)]


def to_packages(stream):
    for child in h5p_blocks(stream):
        value = child["value"]
        if "packages" in value:
            continue
        fields = [key for key in value if key.startswith(OLD_PREFIX)]
        packages = [
            {"type": "item", "value": value[field], "id": item_id(child.get("id"), field)}
            for field in fields
            if value[field]
        ]
        child["value"] = {**{k: v for k, v in value.items() if k not in fields}, "packages": packages}
    return stream


def to_language_fields(stream, language_of):
    for child in h5p_blocks(stream):
        value = child["value"]
        if "packages" not in value:
            continue
        fields = {k: v for k, v in value.items() if k != "packages"}
        for item in value["packages"]:
            language = language_of.get(package_pk(item))
            if language:
                fields.setdefault(f"{OLD_PREFIX}{language}", package_pk(item))
        child["value"] = fields
    return stream


class PackagesFromLanguageFields(BaseBlockOperation):
    def apply(self, block_value):
        return to_packages(block_value)

    @property
    def operation_name_fragment(self):
        return "h5p_packages_from_language_fields"


class LanguageFieldsFromPackages(BaseBlockOperation):
    def __init__(self, language_of):
        super().__init__()
        self.language_of = language_of

    def apply(self, block_value):
        return to_language_fields(block_value, self.language_of)

    @property
    def operation_name_fragment(self):
        return "h5p_language_fields_from_packages"


def module_bodies(operation):
    return MigrateStreamData(
        app_name="courses",
        model_name="ModulePage",
        field_name="body",
        operations_and_block_paths=[(operation, "")],  # "": the whole stream, block ids included
    )


def path_renames(stream, forward, language_of):
    """(old path, new path, new field path) of the synchronised values that wagtail-localize
    keeps for the H5P blocks in `stream` (a body as it was before converting)."""
    renames = []
    for child in h5p_blocks(stream):
        block, value = child.get("id"), child["value"]
        if forward:
            for field in [key for key in value if key.startswith(OLD_PREFIX) and value[key]]:
                new = f"body.{block}.packages.{item_id(block, field)}"
                renames.append((f"body.{block}.{field}", new, "body.h5p.packages.item"))
        else:
            for item in value.get("packages", []):
                language = language_of.get(package_pk(item))
                if isinstance(item, dict) and language:
                    field = f"{OLD_PREFIX}{language}"
                    old = f"body.{block}.packages.{item['id']}"
                    renames.append((old, f"body.{block}.{field}", f"body.h5p.{field}"))
    return renames


def convert_localize_sources(apps, *, forward, language_of=None):
    ContentType = apps.get_model("contenttypes", "ContentType")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    module_type = ContentType.objects.filter(app_label="courses", model="modulepage").first()
    if module_type is None:
        return
    sources = TranslationSource.objects.filter(specific_content_type_id=module_type.pk)
    for source in sources.iterator():
        content = json.loads(source.content_json)
        body = content.get("body")
        if not body:
            continue
        stream = json.loads(body) if isinstance(body, str) else body
        renames = path_renames(stream, forward, language_of)
        stream = to_packages(stream) if forward else to_language_fields(stream, language_of)
        content["body"] = json.dumps(stream) if isinstance(body, str) else stream
        source.content_json = json.dumps(content)
        source.save(update_fields=["content_json"])
        contexts = TranslationContext.objects.filter(object_id=source.object_id)
        for old, new, field_path in renames:
            new_id = uuid.uuid5(LOCALIZE_PATH_NAMESPACE, new)
            if not contexts.filter(path_id=new_id).exists():
                contexts.filter(path=old).update(path=new, path_id=new_id, field_path=field_path)


def forward(apps, schema_editor):
    module_bodies(PackagesFromLanguageFields()).code(apps, schema_editor)
    convert_localize_sources(apps, forward=True)


def backward(apps, schema_editor):
    H5PContent = apps.get_model("h5p", "H5PContent")
    language_of = dict(H5PContent.objects.values_list("pk", "language"))
    module_bodies(LanguageFieldsFromPackages(language_of)).code(apps, schema_editor)
    convert_localize_sources(apps, forward=False, language_of=language_of)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0006_record_course_completions"),
        ("h5p", "0003_language_choices_from_settings"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.AlterField(
            model_name='modulepage',
            name='body',
            field=wagtail.fields.StreamField([('text', 0), ('key_fact', 3), ('myth_fact', 6), ('question_answer', 9), ('glossary_term', 12), ('image', 16), ('audio', 20), ('video', 24), ('quiz', 27), ('h5p', 30)], block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'bold', 'italic', 'ol', 'ul', 'link'], 'label': 'Text', 'template': 'blocks/text.html'}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120, 'required': False}), 2: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ul', 'link'], 'label': 'Text'}), 3: ('wagtail.blocks.StructBlock', [[('heading', 1), ('text', 2)]], {}), 4: ('wagtail.blocks.TextBlock', (), {'label': 'Myth'}), 5: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ul', 'link'], 'label': 'Fact'}), 6: ('wagtail.blocks.StructBlock', [[('myth', 4), ('fact', 5)]], {}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'Question', 'max_length': 250}), 8: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ul', 'link'], 'label': 'Answer'}), 9: ('wagtail.blocks.StructBlock', [[('question', 7), ('answer', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Term', 'max_length': 100}), 11: ('wagtail.blocks.TextBlock', (), {'label': 'Plain explanation'}), 12: ('wagtail.blocks.StructBlock', [[('term', 10), ('definition', 11)]], {}), 13: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image'}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the image shows, for people who cannot see it.', 'label': 'Alternative text', 'max_length': 250}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('image', 13), ('alt', 14), ('caption', 15)]], {}), 17: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 150}), 18: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Audio file', 'validators': [courses.blocks.DocumentExtensionValidator(('.mp3', '.m4a', '.ogg', '.oga', '.opus'), 'Choose an audio file (MP3, M4A, OGG).')]}), 19: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ul', 'link'], 'help_text': 'Everything said in the recording, for people who cannot listen.', 'label': 'Transcript'}), 20: ('wagtail.blocks.StructBlock', [[('title', 17), ('file', 18), ('transcript', 19)]], {}), 21: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Video file', 'validators': [courses.blocks.DocumentExtensionValidator(('.mp4', '.webm'), 'Choose a video file (MP4 or WebM).')]}), 22: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Captions (WebVTT)', 'validators': [courses.blocks.DocumentExtensionValidator(('.vtt',), 'Captions must be a WebVTT (.vtt) file.')]}), 23: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Still image shown before playing', 'required': False}), 24: ('wagtail.blocks.StructBlock', [[('title', 17), ('file', 21), ('captions', 22), ('poster', 23)]], {}), 25: ('wagtail.snippets.blocks.SnippetChooserBlock', ('quizzes.Quiz',), {'label': 'Test'}), 26: ('wagtail.blocks.BooleanBlock', (), {'default': True, 'label': 'Required to complete the module', 'required': False}), 27: ('wagtail.blocks.StructBlock', [[('quiz', 25), ('required', 26)]], {}), 28: ('h5p.blocks.H5PContentChooserBlock', (), {'label': 'Package'}), 29: ('wagtail.blocks.ListBlock', (28,), {'help_text': 'One package per language: each language version of the module plays the package in its language.', 'label': 'Packages', 'min_num': 1}), 30: ('wagtail.blocks.StructBlock', [[('title', 17), ('packages', 29), ('required', 26)]], {})}, verbose_name='content'),
        ),
        migrations.RunPython(forward, backward),
    ]
