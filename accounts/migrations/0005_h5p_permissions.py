"""Trainers and coordinators upload interactive (H5P) content."""

from django.db import migrations

from accounts.permission_setup import create_all_permissions

ROLES = ["Trainers", "Coordinators"]


def grant(apps, schema_editor):
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="h5p", codename__in=["add_h5pcontent", "view_h5pcontent"]
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_quiz_permissions"), ("h5p", "0001_initial")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
