"""Coordinators see and revoke their organisation's certificates (scoped in the views)."""

from django.db import migrations

from accounts.permission_setup import create_all_permissions


def grant(apps, schema_editor):
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="certificates", codename__in=["view_certificate", "revoke_certificate"]
    )
    for group in Group.objects.filter(name="Coordinators"):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_h5p_permissions"), ("certificates", "0001_initial")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
