"""New rows of a data migration (create(), a new instance's save(), bulk_create()) and a loop
over the model's rows: all on "default" while "other" is migrated."""
from django.apps import apps as installed_apps
from django.db import connections, migrations

from catalog.models import Publisher, Tag
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda counts: counts == (0, 0))


def seed(apps, schema_editor):
    Tag = apps.get_model("catalog.Tag")
    Publisher = apps.get_model("catalog", "Publisher")
    Tag.objects.create(name="classic")  # expect: MDB406
    tag = Tag(name="modern")
    tag.save()  # expect: MDB406
    Publisher.objects.bulk_create([Publisher(name="Penguin")])  # expect: MDB406
    for publisher in Publisher.objects.all():  # expect: MDB406
        publisher.name = publisher.name.upper()


class Migration(migrations.Migration):
    operations = [migrations.RunPython(code=seed)]


def scenario():
    with connections["other"].schema_editor() as editor:
        seed(installed_apps, editor)
    return Tag.objects.using("other").count(), Publisher.objects.using("other").count()
