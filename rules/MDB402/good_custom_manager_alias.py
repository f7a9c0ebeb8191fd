"""Look-alike of bad_custom_manager.py: methods that keep the manager's alias
(self.get_queryset().filter(), self.using(self._db), self.filter()) reached through
db_manager("default"), so the writes go to the primary."""
import datetime

from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        Person.objects.using("default").create(name=f"Person {i}")
        Book.objects.using("default").create(title=f"Book {i}", published=datetime.date(2001, 1, 1))


def scenario():
    Person.objects.db_manager("default").by_name("Person 0").update(name="Ada")
    Person.objects.db_manager("default").named(["Person 1"]).update(name="Grace")
    Book.objects.db_manager("default").published_after(datetime.date(2000, 1, 1)).update(title="Reprint")
    return sorted(Person.objects.using("default").filter(name__in=["Ada", "Grace"]).values_list("name", flat=True))


def check(result):
    return result == ["Ada", "Grace"]
