"""Every related-manager write with both objects on the same database ("other"): forward and
reverse many-to-many add/set/remove and reverse foreign key add/set/remove."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01")
    Person.objects.using("other").create(name="Mark Pilgrim")
    Person.objects.using("other").create(name="Marty Alchin")


def scenario():
    dive = Book.objects.using("other").get(title="Book 0")
    pro = Book.objects.using("other").get(title="Book 1")
    mark = Person.objects.using("other").get(name="Mark Pilgrim")
    marty = Person.objects.using("other").get(name="Marty Alchin")
    dive.authors.add(mark)
    dive.authors.set([mark, marty])
    dive.authors.remove(marty)
    marty.book_set.add(pro)
    marty.book_set.set([pro, dive])
    marty.book_set.remove(dive)
    mark.edited.add(dive)
    mark.edited.set([dive, pro])
    mark.edited.remove(pro)
    return (
        sorted(dive.authors.using("other").values_list("name", flat=True)),
        sorted(marty.book_set.using("other").values_list("title", flat=True)),
        sorted(mark.edited.using("other").values_list("title", flat=True)),
    )


def check(result):
    return result == (["Mark Pilgrim"], ["Book 1"], ["Book 0"])
