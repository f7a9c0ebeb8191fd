"""save(**opts) where opts = {"using": "replica"} (and delete(**dict(using="replica"))): the
alias reaches save()/delete() only through the unpacked dict, whose items are known one by one."""
from catalog.models import Book

from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def setup(n):
    for i in range(n):
        Book.objects.using("default").create(title=f"Book {i}", published="2024-01-01")


def scenario():
    book = Book.objects.using("default").get(title="Book 0")
    book.title = "Book zero"
    opts = {"using": "replica"}
    book.save(**opts)  # expect: MDB402
    other = Book.objects.using("default").get(title="Book 1")
    gone = dict(using="replica")
    other.delete(**gone)  # expect: MDB402
    return book.pk
