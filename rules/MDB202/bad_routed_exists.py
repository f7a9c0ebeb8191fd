# fixture: sample=appsite
"""Exists() over a model the router sends elsewhere, with no .using() in sight: Campaign routes
to "analytics", Product to "default"; the subquery runs on "default" and finds no campaign."""
from django.db.models import Exists, OuterRef

from analytics.models import Campaign
from mdblint.runtime.oracles import wrong_result
from store.models import Product

ORACLE = wrong_result(lambda names: names == [])


def setup(n):
    for i in range(n):
        campaign = Campaign.objects.create(name=f"Spring {i}")
        Product.objects.create(name=f"Product {i}", campaign_id=campaign.pk)


def scenario():
    running = Campaign.objects.filter(pk=OuterRef("campaign_id"), active=True)
    return list(Product.objects.filter(Exists(running)).values_list("name", flat=True))  # expect: MDB202
