"""A multi-table child (Ebook) inherits Book.publisher; looping over Ebook rows still
queries every publisher."""
from catalog.models import Ebook, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Ebook.objects.create(title=f"Ebook {i}", published="2024-01-01", publisher=publisher)


# fix: select_related("publisher")
def scenario():
    names = []
    for ebook in Ebook.objects.filter(file_size__gte=0):
        names.append(ebook.publisher.name)  # expect: MDB301
    return names
