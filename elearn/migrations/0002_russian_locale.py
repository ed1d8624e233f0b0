"""The site speaks Ukrainian (the default locale, made by Wagtail from LANGUAGE_CODE) and
Russian."""

from django.db import migrations


def create_russian_locale(apps, schema_editor):
    apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="ru")


class Migration(migrations.Migration):
    dependencies = [("elearn", "0001_initial")]

    operations = [migrations.RunPython(create_russian_locale, migrations.RunPython.noop)]
