"""Store models, on "default". A product may belong to a marketing campaign of the analytics
app; the campaign lives on the other database, so the key has no database constraint."""
from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=100)
    campaign = models.ForeignKey("analytics.Campaign", null=True, blank=True, on_delete=models.DO_NOTHING,
                                 related_name="+", db_constraint=False)

    def __str__(self):
        return self.name
