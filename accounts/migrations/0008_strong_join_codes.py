"""Join codes of at least 44 bits (9 symbols of 31), checked for new and changed codes.

Codes made before were 8 symbols, or as short as 4 when a trainer chose one: a few hundred
guesses could find them. Every code that would not pass today's check is replaced by a new
random one; trainers find it in Training groups and give it to trainees who have not joined
yet. Trainees who already joined keep their accounts (the code is only for joining)."""

import secrets

from django.db import migrations, models

import accounts.models

# As accounts.models was when this migration was written: migrations must not change when
# the model's rules do.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 9


def strong(code: str) -> bool:
    return 9 <= len(code) <= 16 and set(code) <= set(ALPHABET) and len(set(code)) >= 5


def new_code(taken: set[str]) -> str:
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if strong(code) and code not in taken:
            return code


def replace_weak_codes(apps, schema_editor):
    TrainingGroup = apps.get_model("accounts", "TrainingGroup")
    taken = set(TrainingGroup.objects.values_list("join_code", flat=True))
    for group in TrainingGroup.objects.only("pk", "join_code"):
        if not strong(group.join_code):
            group.join_code = new_code(taken)
            taken.add(group.join_code)
            group.save(update_fields=["join_code"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_access_permissions")]

    operations = [
        migrations.AlterField(
            model_name="traininggroup",
            name="join_code",
            field=models.CharField(
                default=accounts.models.new_join_code,
                help_text=(
                    "Trainees type this code to join the group; case, spaces and dashes do not "
                    "matter. The site makes up one that is hard to guess."
                ),
                max_length=16,
                unique=True,
                validators=[accounts.models.validate_join_code],
                verbose_name="join code",
            ),
        ),
        migrations.RunPython(replace_weak_codes, migrations.RunPython.noop),
    ]
