"""A data migration run on "other" (migrate --database=other): the update() without .using()
goes where the router sends the historical model's writes ("default"), and the rows of "other"
are never migrated."""
from django.apps import apps as installed_apps
from django.db import connections, migrations

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda unmigrated: unmigrated > 0)


def capitalize_names(apps, schema_editor):
    Model = apps.get_model("catalog", "Publisher")
    Model.objects.filter(name__startswith="publisher").update(name="Publisher")  # expect: MDB406


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(capitalize_names, migrations.RunPython.noop)]


def setup(n):
    for i in range(n):
        Publisher.objects.using("other").create(name=f"publisher {i}")


def scenario():
    with connections["other"].schema_editor() as editor:   # what migrate --database=other runs
        capitalize_names(installed_apps, editor)
    return Publisher.objects.using("other").filter(name__startswith="publisher").count()
