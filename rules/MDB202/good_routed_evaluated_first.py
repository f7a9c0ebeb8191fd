# fixture: sample=appsite
"""The campaigns are read on their own database first (list(...)), and the product query is
given their primary keys, which the products store: no subquery crosses databases."""
from analytics.models import Campaign
from store.models import Product


def setup(n):
    for i in range(n):
        campaign = Campaign.objects.create(name=f"Spring {i}")
        Product.objects.create(name=f"Product {i}", campaign_id=campaign.pk)


def scenario():
    running = list(Campaign.objects.filter(active=True).values_list("pk", flat=True))
    return Product.objects.filter(campaign__in=running).count()


def check(count):
    return count in (3, 6)
