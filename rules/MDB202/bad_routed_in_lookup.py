# fixture: sample=appsite
"""No .using() anywhere: the router sends Campaign (the analytics app) to "analytics" and
Product to "default". The inner queryset has no database of its own, so Django does not refuse
it; it compiles it into the outer query, which runs on "default", where the campaign table holds
no rows: no product is found."""
from analytics.models import Campaign
from mdblint.runtime.oracles import wrong_result
from store.models import Product

ORACLE = wrong_result(lambda count: count == 0)


def setup(n):
    for i in range(n):
        campaign = Campaign.objects.create(name=f"Spring {i}")
        Product.objects.create(name=f"Product {i}", campaign_id=campaign.pk)


def scenario():
    running = Campaign.objects.filter(active=True)
    return Product.objects.filter(campaign__in=running).count()  # expect: MDB202
