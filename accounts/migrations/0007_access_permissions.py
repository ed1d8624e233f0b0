"""Permissions for what used to be checked by group name (accounts/access.py), given to
the roles as they behaved before: trainers and coordinators see their organisation's
trainees and set their passwords; only coordinators see reports; trainers lead groups."""

from django.db import migrations

from accounts.permission_setup import create_all_permissions

ROLE_PERMISSIONS = {
    "Trainers": ["view_trainees", "reset_trainee_password", "lead_traininggroup"],
    "Coordinators": ["view_trainees", "reset_trainee_password", "view_reports"],
}


def grant(apps, schema_editor):
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=ROLE_PERMISSIONS):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="accounts", codename__in=ROLE_PERMISSIONS[group.name]
            )
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_certificate_permissions")]

    operations = [
        migrations.AlterModelOptions(
            name="organisation",
            options={
                "permissions": [("view_reports", "Can see the organisation's reports and exports")],
                "verbose_name": "organisation",
                "verbose_name_plural": "organisations",
            },
        ),
        migrations.AlterModelOptions(
            name="traininggroup",
            options={
                "ordering": ["organisation_id", "name"],
                "permissions": [("lead_traininggroup", "Can be chosen as a training group's trainer")],
                "verbose_name": "training group",
                "verbose_name_plural": "training groups",
            },
        ),
        migrations.AlterModelOptions(
            name="user",
            options={
                "permissions": [
                    ("view_trainees", "Can see the organisation's trainees"),
                    ("reset_trainee_password", "Can set a new password for the organisation's trainees"),
                ],
                "verbose_name": "user",
                "verbose_name_plural": "users",
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
