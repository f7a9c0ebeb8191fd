"""Store reports. The routers send the analytics app to "analytics" and the store to
"default"; nothing here names a database."""
from analytics.models import Campaign, Visit
from django.db.models import Exists, OuterRef
from store.models import Product


def products_in_running_campaigns():
    # Campaign is routed to "analytics": Django compiles the inner query into this one, which
    # runs on "default", where no campaign rows live.
    running = Campaign.objects.filter(active=True)
    return Product.objects.filter(campaign__in=running)  # expect: MDB202


def running_campaign_ids():
    # Evaluated first, on "analytics": the outer query gets a list of ids.
    ids = list(Campaign.objects.filter(active=True).values_list("pk", flat=True))
    return Product.objects.filter(campaign_id__in=ids)


def campaigns_with_visits():
    # Visit and Campaign are both on "analytics": one query there.
    visited = Visit.objects.filter(campaign=OuterRef("pk"))
    return Campaign.objects.filter(Exists(visited))
