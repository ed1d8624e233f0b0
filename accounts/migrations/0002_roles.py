"""Create the Trainers and Coordinators groups with the permissions they need.

Permissions are normally made after all migrations (post_migrate); they are made here first
so that the groups can be given them in a fresh database."""

from django.db import migrations

from accounts.permission_setup import create_all_permissions

ROLE_PERMISSIONS = {
    "Trainers": [
        ("wagtailadmin", "access_admin"),
        ("accounts", "add_traininggroup"),
        ("accounts", "change_traininggroup"),
        ("accounts", "view_traininggroup"),
    ],
    "Coordinators": [
        ("wagtailadmin", "access_admin"),
        ("accounts", "add_traininggroup"),
        ("accounts", "change_traininggroup"),
        ("accounts", "delete_traininggroup"),
        ("accounts", "view_traininggroup"),
        ("accounts", "view_organisation"),
    ],
}


def create_roles(apps, schema_editor):
    create_all_permissions(apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, permissions in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, codename in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
