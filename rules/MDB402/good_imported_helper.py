"""Look-alike of bad_imported_helper: the imported helpers are used only to read (the replica),
and the write goes through a helper that writes on the primary (catalog.services.publish_book)."""
import datetime

from catalog import services
from catalog.services import recent_books


def scenario():
    services.publish_book("Dune", datetime.date.today(), [])
    list(services.recent_books(days=7))
    list(recent_books())
