"""The data migration passes schema_editor.connection.alias to every query and write: run on
"other", it migrates the rows of "other"."""
from django.apps import apps as installed_apps
from django.db import connections, migrations

from catalog.models import Publisher, Tag


def capitalize_names(apps, schema_editor):
    db_alias = schema_editor.connection.alias
    Model = apps.get_model("catalog", "Publisher")
    Tag = apps.get_model("catalog", "Tag")
    Model.objects.using(db_alias).filter(name__startswith="publisher").update(name="Publisher")
    Tag.objects.db_manager(db_alias).create(name="classic")
    Tag(name="modern").save(using=db_alias)
    pending = Model.objects.filter(name="Publisher")
    pending.using(db_alias).update(name="Renamed")
    for publisher in Model.objects.using(db_alias).order_by("pk")[:2]:
        publisher.name = "Done"
        publisher.save()        # the instance hint keeps it on db_alias


class Migration(migrations.Migration):
    operations = [migrations.RunPython(capitalize_names, migrations.RunPython.noop)]


def setup(n):
    for i in range(n):
        Publisher.objects.using("other").create(name=f"publisher {i}")


def scenario():
    with connections["other"].schema_editor() as editor:
        capitalize_names(installed_apps, editor)
    return (Publisher.objects.using("other").filter(name__in=["Renamed", "Done"]).count() == Publisher.objects.using("other").count(),
            Tag.objects.using("other").count())


def check(result):
    return result == (True, 2)
