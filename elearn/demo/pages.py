"""Demo home pages in Ukrainian and Russian (linked translations)."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site

from elearn.models import HomePage

HOME = {
    "uk": {
        "title": "Навчання для рівних консультанток і консультантів",
        "intro": (
            "<p>Тут секс-працівниці та секс-працівники вчаться бути рівними консультантками "
            "й консультантами: про ВІЛ та ІПСШ, презервативи, переговори з клієнтами, "
            "свої права та безпеку.</p>"
            "<p>Короткі модулі, прості слова, тести після кожної теми. Працює на телефоні "
            "навіть зі слабким інтернетом.</p>"
        ),
    },
    "ru": {
        "title": "Обучение для равных консультанток и консультантов",
        "intro": (
            "<p>Здесь секс-работницы и секс-работники учатся быть равными консультантками "
            "и консультантами: о ВИЧ и ИППП, презервативах, переговорах с клиентами, "
            "своих правах и безопасности.</p>"
            "<p>Короткие модули, простые слова, тесты после каждой темы. Работает на "
            "телефоне и при слабом интернете.</p>"
        ),
    },
}


def _remove_wagtail_welcome_page(root: Page) -> None:
    """Wagtail's first migration makes a plain "Welcome" page; the demo replaces it."""
    plain_page = ContentType.objects.get_for_model(Page)
    for page in root.get_children().filter(content_type=plain_page, slug="home"):
        page.delete()


def load() -> HomePage:
    uk, ru = Locale.objects.get(language_code="uk"), Locale.objects.get(language_code="ru")
    home = HomePage.objects.filter(locale=uk).first()
    if home is None:
        root = Page.get_first_root_node()
        _remove_wagtail_welcome_page(root)
        home = root.add_child(instance=HomePage(locale=uk, slug="home", **HOME["uk"]))
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()

    if home.get_translation_or_none(ru) is None:
        home_ru = home.copy_for_translation(ru)
        home_ru.title, home_ru.intro = HOME["ru"]["title"], HOME["ru"]["intro"]
        home_ru.save_revision().publish()
    return home
