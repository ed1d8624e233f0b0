"""Trainers and coordinators write and edit tests (quizzes, questions, answers)."""

from django.db import migrations

from accounts.permission_setup import create_all_permissions

ROLES = ["Trainers", "Coordinators"]
MODELS = ["quiz", "question", "choice"]


def grant(apps, schema_editor):
    
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="quizzes",
        codename__in=[f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")],
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_authoring_permissions"), ("quizzes", "0001_initial")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
