"""Used by data migrations: Django makes permissions only after all migrations have run
(post_migrate), so a migration that grants them makes them first."""

from django.contrib.auth.management import create_permissions


def create_all_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
