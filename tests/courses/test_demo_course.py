import re

import pytest
from django.utils.html import strip_tags

from courses.models import CoursePage, ModulePage
from tests.elearn.test_translations import FORBIDDEN


def module_text(module):
    return strip_tags(" ".join(str(block.render()) for block in module.body))


def test_demo_course_has_four_linked_modules_in_both_languages(demo):
    course_uk = CoursePage.objects.get(locale__language_code="uk")
    course_ru = CoursePage.objects.get(locale__language_code="ru")
    assert course_uk.translation_key == course_ru.translation_key

    uk = list(ModulePage.objects.child_of(course_uk).live().order_by("path"))
    ru = list(ModulePage.objects.child_of(course_ru).live().order_by("path"))
    assert len(uk) == len(ru) >= 4
    assert [m.translation_key for m in uk] == [m.translation_key for m in ru]


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_each_module_has_600_words_callouts_and_questions(demo, lang):
    for module in ModulePage.objects.filter(locale__language_code=lang):
        words = re.findall(r"\w+", module_text(module))
        types = {block.block_type for block in module.body}
        assert len(words) >= 600, module.slug
        assert {"key_fact", "question_answer"} <= types, module.slug


FACTS = {
    "uk": [
        "72 годин",
        "28 днів",
        "Н=Н",
        "не передає ВІЛ статевим шляхом",
        "комарів",
        "Два презервативи",
        "на водній або силіконовій основі",
        "виліковуються",
        "вакцини",
        "поліції чи ні — вирішуєте ви",
        "трихомоніаз (паразит)",
        "до 5 діб (120 годин)",
        "навіть якщо не було сім'явиверження",
        "лікарня може сама повідомити поліцію",
        "але вона не абсолютна",
        "Якщо у вас інше громадянство",
        "ноноксинолом-9",
        "Гепатит С",
        "тільки для чоловіків",
    ],
    "ru": [
        "72 часов",
        "28 дней",
        "Н=Н",
        "не передаёт ВИЧ половым путём",
        "комаров",
        "Два презерватива",
        "на водной или силиконовой основе",
        "излечиваются",
        "вакцины",
        "полицию или нет — решаете вы",
        "трихомониаз (паразит)",
        "до 5 суток (120 часов)",
        "даже если не было семяизвержения",
        "больница может сама сообщить в полицию",
        "но она не абсолютна",
        "Если у вас другое гражданство",
        "ноноксинолом-9",
        "Гепатит С",
        "только для мужчин",
    ],
}


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_demo_course_states_the_facts_the_content_guide_requires(demo, lang):
    text = " ".join(module_text(m) for m in ModulePage.objects.filter(locale__language_code=lang))

    assert [fact for fact in FACTS[lang] if fact not in text] == []
    assert [word for word in FORBIDDEN if word in text.lower()] == []


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_every_demo_page_renders(client, demo, lang):
    course = CoursePage.objects.get(locale__language_code=lang)
    assert client.get(course.url).status_code == 200
    for module in ModulePage.objects.child_of(course):
        assert client.get(module.url).status_code == 200


def test_demo_reviews_course_changes_by_coordinators(demo):
    names = {}
    for course in CoursePage.objects.all():
        workflow = course.get_workflow()
        names[course.locale.language_code] = (workflow.name, [task.name for task in workflow.tasks])
        assert list(workflow.tasks[0].specific.groups.values_list("name", flat=True)) == ["Coordinators"]

    assert names == {  # trainers see these names as they are: in their course's language
        "uk": ("Перевірка перед публікацією", ["Погодження координаторки або координатора"]),
        "ru": ("Проверка перед публикацией", ["Согласование координатора"]),
    }
