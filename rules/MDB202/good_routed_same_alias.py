# fixture: sample=appsite
"""Both halves are routed to the same database: Visit and Campaign are both analytics models,
so the subquery runs where the campaigns are."""
from analytics.models import Campaign, Visit


def setup(n):
    for i in range(n):
        campaign = Campaign.objects.create(name=f"Spring {i}")
        Visit.objects.create(campaign=campaign, page=f"/products/{i}/")


def scenario():
    running = Campaign.objects.filter(active=True)
    return Visit.objects.filter(campaign__in=running).count()


def check(count):
    return count in (3, 6)
