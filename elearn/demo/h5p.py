"""The demo's interactive activity: a one-question check in the condoms module, made
with the project's own H5P library (h5p/library/) in Ukrainian and Russian."""

import io
import uuid

from wagtail.models import Locale

from courses.models import CoursePage, ModulePage
from elearn.demo.courses import resync_translations, translate_strings
from h5p.models import H5PContent
from h5p.packaging import check_content, pack
from h5p.services import package_import

MODULE_SLUG = "condoms-and-negotiation"
BLOCK_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "conecta-demo/condoms-and-negotiation/h5p-lubricant"))
TITLE = {"uk": "Який лубрикант безпечний?", "ru": "Какой лубрикант безопасен?"}
CHECKS = {
    "uk": check_content(
        "Який лубрикант можна використовувати з латексним презервативом?",
        [
            ("Лубрикант на водній або силіконовій основі", True),
            ("Дитячу олію або вазелін", False),
            ("Будь-який крем, що є під рукою", False),
        ],
        right_text="Так. Олія та жирні креми пошкоджують латекс, і презерватив може порватися.",
        wrong_text=(
            "Ні. Олія та жирні креми пошкоджують латекс. Обирайте лубрикант на водній або силіконовій основі."
        ),
    ),
    "ru": check_content(
        "Какой лубрикант можно использовать с латексным презервативом?",
        [
            ("Лубрикант на водной или силиконовой основе", True),
            ("Детское масло или вазелин", False),
            ("Любой крем, который есть под рукой", False),
        ],
        right_text="Да. Масло и жирные кремы повреждают латекс, и презерватив может порваться.",
        wrong_text=(
            "Нет. Масло и жирные кремы повреждают латекс. "
            "Выбирайте лубрикант на водной или силиконовой основе."
        ),
    ),
}


def _package(language) -> H5PContent:
    existing = H5PContent.objects.filter(title=TITLE[language], language=language).first()
    if existing:
        return existing
    data = pack(TITLE[language], CHECKS[language], language=language)
    return package_import(file=io.BytesIO(data), title=TITLE[language], language=language)


def load(course: CoursePage) -> None:
    uk = Locale.objects.get(language_code="uk")
    module = ModulePage.objects.child_of(course).get(locale=uk, slug=MODULE_SLUG)
    if any(block.block_type == "h5p" for block in module.body):
        return
    # One block, both packages: each language version of the module plays its own.
    value = {"title": TITLE["uk"], "packages": [_package(language) for language in TITLE], "required": True}
    module.body.append(("h5p", value, BLOCK_ID))
    module.save_revision().publish()
    # The block's heading is a new segment: translate it, or the other versions show it in Ukrainian.
    others = {language: {TITLE[uk.language_code]: title} for language, title in TITLE.items()}
    others.pop(uk.language_code)
    translate_strings(module, others)
    resync_translations(module)
